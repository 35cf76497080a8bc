using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Host.Access;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Access;

/// Failed authentications, at the API and at the console's sign-in alike, count towards one
/// limit per client (10 a minute, then 429 with Retry-After), and history accounts for each.
public abstract class ThrottleTests(RoutingFixture fixture)
{
    [Fact]
    public async Task Thirty_wrong_sign_ins_are_refused_after_ten_and_history_accounts_for_all_of_them()
    {
        fixture.Clock.Advance(FailedAuthentications.Window); // a window of its own
        // Only this test's windows: an earlier test's ended window may still be recorded meanwhile.
        var since = fixture.Clock.GetUtcNow();
        var (failed, throttled) = (await CountAsync(HistoryKinds.AuthenticationFailed), await RefusedAsync(since));
        var browser = ConsoleBrowser.Open(fixture.App);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 30; i++) answers.Add(await browser.SignInAsync($"rk_wrong-{i}"));

        Assert.All(answers[..10], a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.All(answers[10..], a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.InRange(int.Parse(answers[^1].Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Contains("Too many failed sign-ins", await answers[^1].Content.ReadAsStringAsync());
        Assert.Equal(failed + 10, await CountAsync(HistoryKinds.AuthenticationFailed));

        // Once the window is over, how many it refused is recorded: by the next failure, or by the
        // host's flush of ended windows when that runs first (in the background, so wait for it).
        fixture.Clock.Advance(FailedAuthentications.Window);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync("rk_wrong-again")).StatusCode);
        Assert.Equal(failed + 11, await CountAsync(HistoryKinds.AuthenticationFailed));
        await Eventually.HoldsAsync(async () => await RefusedAsync(since) == throttled + 20, TimeSpan.FromSeconds(10),
            "the ended window's 20 refusals are recorded once", async () => $"recorded {await RefusedAsync(since) - throttled}");
        // Once: not again by the next failure after another window, whoever recorded them first.
        fixture.Clock.Advance(FailedAuthentications.Window);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync("rk_wrong-later")).StatusCode);
        Assert.Equal(failed + 12, await CountAsync(HistoryKinds.AuthenticationFailed));
        Assert.Equal(throttled + 20, await RefusedAsync(since));
        Assert.Contains("20 more failed authentications",
            (await fixture.Client.GetStringAsync($"/api/history?kind={HistoryKinds.AuthenticationThrottled}&limit=1000")));
    }

    [Fact]
    public async Task The_api_and_the_console_share_one_limit_and_a_right_key_still_works()
    {
        fixture.Clock.Advance(FailedAuthentications.Window);
        var stranger = fixture.App.ClientWithKey("rk_not-a-real-key");
        var browser = ConsoleBrowser.Open(fixture.App);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/departments")).StatusCode);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync("rk_wrong")).StatusCode);

        var api = await stranger.GetAsync("/api/departments");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.NotNull(api.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.SignInAsync("rk_wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.GetAsync("/api/departments")).StatusCode);
        fixture.Clock.Advance(FailedAuthentications.Window);
    }

    [Fact]
    public async Task Failures_refused_in_a_window_still_open_are_recorded_when_the_host_stops()
    {
        fixture.Clock.Advance(FailedAuthentications.Window);
        var throttled = await RefusedAsync();
        var stranger = fixture.App.ClientWithKey("rk_not-a-real-key");
        for (var i = 0; i < FailedAuthentications.Limit + 3; i++) await stranger.GetAsync("/api/departments");

        await fixture.RestartAsync();

        Assert.Equal(throttled + 3, await RefusedAsync());
    }

    Task<int> CountAsync(string kind) => fixture.WithStoreAsync(db => db.History.CountAsync(e => e.Kind == kind));

    /// How many failures the throttled-events say were refused (in the windows from `since` on).
    Task<int> RefusedAsync(DateTimeOffset? since = null) => fixture.WithStoreAsync(async db =>
        (await db.History.Where(e => e.Kind == HistoryKinds.AuthenticationThrottled).Select(e => e.Data).ToListAsync())
        .Select(d => JsonNode.Parse(d)!).Where(d => since is null || (DateTimeOffset)d["from"]! >= since).Sum(d => (int)d["refused"]!));
}

public sealed class ThrottleOnSqlite(SqliteFixture fixture) : ThrottleTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ThrottleOnPostgres(PostgresFixture fixture) : ThrottleTests(fixture), IClassFixture<PostgresFixture>;
