using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Access;

/// Signing in to the console starts a session on the server; the browser's cookie holds only
/// the session's token, which signing out, idleness, age and revoking the key all end.
public abstract class SessionTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    [Fact]
    public async Task A_copied_session_cookie_stops_working_when_the_browser_signs_out()
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        var token = await SignInAsync(browser, await admin.CreateKeyAsync("auditor"));
        var copy = Copy(token);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/console/inbox")).StatusCode);

        var signedOut = await browser.PostAsync("/console/sign-out", ConsoleBrowser.Form(await browser.GetStringAsync("/console/sign-out"), []));

        Assert.Equal("/console/sign-in", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.True(SentToSignIn(await copy.GetAsync("/console/inbox")));
        Assert.Equal("/console/sign-in", (await browser.GetAsync("/console/inbox")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task The_cookie_holds_no_key_and_its_token_is_no_key_for_the_api()
    {
        var key = await admin.CreateKeyAsync("auditor");
        var browser = ConsoleBrowser.Open(fixture.App, followRedirects: false);
        var response = await browser.SignInAsync(key);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("routing_session="));
        Assert.DoesNotContain(key, setCookie);
        var token = Token(setCookie);

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.ClientWithKey(token).GetAsync("/api/departments")).StatusCode);
        Assert.Equal("/console/sign-in", (await fixture.App.ClientWithKey(token).GetAsync("/console/inbox")).RequestMessage!.RequestUri!.AbsolutePath);
        var xApiKey = fixture.App.ClientWithKey(null);
        xApiKey.DefaultRequestHeaders.Add("X-Api-Key", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await xApiKey.GetAsync("/api/departments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Copy(token).GetAsync("/console/inbox")).StatusCode);
    }

    [Fact]
    public async Task Revoking_a_key_ends_its_sessions_at_once()
    {
        var (id, key) = await admin.CreateKeyWithIdAsync("csm");
        var copy = Copy(await SignInAsync(ConsoleBrowser.Open(fixture.App), key));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/console/submit")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{id}")).StatusCode);

        Assert.True(SentToSignIn(await copy.GetAsync("/console/submit")));
    }

    [Fact]
    public async Task A_session_ends_after_eight_idle_hours()
    {
        var copy = Copy(await SignInAsync(ConsoleBrowser.Open(fixture.App), await admin.CreateKeyAsync("auditor")));
        fixture.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/console/inbox")).StatusCode);
        fixture.Clock.Advance(TimeSpan.FromHours(7.9));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/console/inbox")).StatusCode);

        fixture.Clock.Advance(TimeSpan.FromHours(8)); // 18.9 h after sign-in, so past its lifetime too; the next is idle only
        Assert.True(SentToSignIn(await copy.GetAsync("/console/inbox")));

        copy = Copy(await SignInAsync(ConsoleBrowser.Open(fixture.App), await admin.CreateKeyAsync("auditor")));
        fixture.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/console/inbox")).StatusCode);
        fixture.Clock.Advance(TimeSpan.FromHours(8));

        Assert.True(SentToSignIn(await copy.GetAsync("/console/inbox")));
    }

    [Fact]
    public async Task A_session_ends_twelve_hours_after_sign_in_however_busy()
    {
        var copy = Copy(await SignInAsync(ConsoleBrowser.Open(fixture.App), await admin.CreateKeyAsync("auditor")));
        for (var hour = 0; hour < 11; hour++)
        {
            fixture.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/console/inbox")).StatusCode);
        }

        fixture.Clock.Advance(TimeSpan.FromHours(1));

        Assert.True(SentToSignIn(await copy.GetAsync("/console/inbox")));
    }

    [Fact]
    public async Task Page_views_within_a_minute_do_not_write_the_session()
    {
        var token = await SignInAsync(ConsoleBrowser.Open(fixture.App), await admin.CreateKeyAsync("auditor"));
        var id = Routing.Engine.Access.ApiKeySecrets.Hash(token);
        Task<DateTimeOffset> LastSeen() => fixture.WithStoreAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => s.LastSeenAt).SingleAsync());
        var signedIn = await LastSeen();

        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        await Copy(token).GetAsync("/console/inbox");
        Assert.Equal(signedIn, await LastSeen());

        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        await Copy(token).GetAsync("/console/inbox");
        Assert.Equal(signedIn.AddSeconds(61), await LastSeen());
    }

    [Fact]
    public async Task Signing_in_and_out_are_in_history_under_the_key_without_the_token()
    {
        var (id, key) = await admin.CreateKeyWithIdAsync("auditor");
        var browser = ConsoleBrowser.Open(fixture.App);
        var token = await SignInAsync(browser, key);
        await browser.PostAsync("/console/sign-out", ConsoleBrowser.Form(await browser.GetStringAsync("/console/sign-out"), []));

        foreach (var kind in new[] { "session.started", "session.ended" })
            Assert.Single((await admin.GetJsonAsync($"/api/history?kind={kind}&limit=1000"))["events"]!.AsArray(), e => (string?)e!["actorKeyId"] == id);
        Assert.DoesNotContain(token, await admin.GetStringAsync("/api/history/export"));
    }

    /// Signs in (the browser keeps the cookie) and returns the session's token, as a thief would copy it.
    static async Task<string> SignInAsync(HttpClient browser, string key)
    {
        var landed = await browser.SignInAsync(key, "/console/inbox");
        Assert.Equal("/console/inbox", landed.RequestMessage!.RequestUri!.AbsolutePath);
        return Token(landed.RequestMessage.Headers.GetValues("Cookie").Single());
    }

    static string Token(string cookie) => System.Text.RegularExpressions.Regex.Match(cookie, "routing_session=([^;]+)").Groups[1].Value;

    /// Another browser that sends a copy of the cookie.
    HttpClient Copy(string token)
    {
        var copy = fixture.App.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
        });
        copy.DefaultRequestHeaders.Authorization = null;
        copy.DefaultRequestHeaders.Add("Cookie", $"routing_session={token}");
        return copy;
    }

    static bool SentToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("/console/sign-in");
}

public sealed class SessionsOnSqlite(SqliteFixture fixture) : SessionTests(fixture), IClassFixture<SqliteFixture>;

public sealed class SessionsOnPostgres(PostgresFixture fixture) : SessionTests(fixture), IClassFixture<PostgresFixture>;
