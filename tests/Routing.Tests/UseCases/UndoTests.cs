using System.Net;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Timers;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.UseCases;

/// A head takes back their own cancel or hand-back from the console, within the undo window
/// (the fake clock moves it) and only while nothing else happened to the item: it is back in its
/// state with its timers pending as they were, and the history says so.
public abstract class UndoTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    sealed record Console(HttpClient Browser, string Page);

    async Task<Console> SignInAsync(string key)
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        return new(browser, await (await browser.SignInAsync(key, "/console/inbox?department=logistics")).Content.ReadAsStringAsync());
    }

    static async Task<(HttpStatusCode Status, string Html)> ActAsync(Console console, string item, string action, int version, string? note = null)
    {
        var response = await console.Browser.PostAsync("/console/inbox?department=logistics&handler=Act&confirmed=true", ConsoleBrowser.Form(console.Page, new()
        {
            ["item"] = item, ["action"] = action, ["version"] = version.ToString(), ["note"] = note ?? "",
        }));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    async Task<string> NewItemAsync() => (string)(await admin.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;

    /// The item's pending timers: kind, round and due time.
    Task<List<(string, int, DateTimeOffset)>> PendingTimersAsync(string item) => fixture.WithStoreAsync(async db =>
        (await db.Timers.AsNoTracking().Where(t => t.WorkItemId == Guid.Parse(item) && t.Status == TimerStatus.Pending).ToListAsync())
        .Select(t => (t.Step, t.Round, t.DueAt)).Order().ToList());

    async Task<(string State, int Version)> SeenByAdminAsync(string item)
    {
        var read = await admin.GetItemAsync(item);
        return (read.State(), (int)read["version"]!);
    }

    [Fact]
    public async Task A_cancel_undone_within_the_window_is_back_with_its_timers_and_recorded()
    {
        var item = await NewItemAsync();
        var head = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));
        var timers = await PendingTimersAsync(item);
        Assert.Equal(2, timers.Count);

        var (_, cancelled) = await ActAsync(head, item, "cancel", 1, "a duplicate of last week's report");
        Assert.Contains("Done (cancel): the item is now Cancelled.", cancelled);
        Assert.Contains("value=\"undo\"", cancelled);
        Assert.Empty(await PendingTimersAsync(item));

        fixture.Clock.Advance(TimeSpan.FromSeconds(50));
        var (status, undone) = await ActAsync(head, item, "undo", 2);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Undone: the item is back to Routed.", undone);
        Assert.Equal(("Routed", 3), await SeenByAdminAsync(item));
        Assert.Equal(timers, await PendingTimersAsync(item));
        var restored = (await admin.TimelineAsync(item))[^1]!;
        Assert.Equal("work-item.restored", (string)restored["kind"]!);
        Assert.Equal("Restored: Cancelled → Routed (the cancel was undone)", (string)restored["summary"]!);

        // The restored follow-up fires when it was due: the department is reminded.
        await fixture.AdvanceAsync(timers[0].Item3 - fixture.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        Assert.Contains("work-item.reminded", (await admin.TimelineAsync(item)).Kinds());
    }

    [Fact]
    public async Task A_cancel_undone_after_a_more_urgent_recurrence_keeps_the_tighter_due_times()
    {
        var first = Reports.Valid("supply", "low").With("segment.region", "Idaho");
        var item = (string)(await admin.SubmitAsync(first)).Item("logistics")["id"]!;
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await admin.SubmitAsync(first.DeepClone().AsObject().With("severity", "critical"));
        var tightened = await PendingTimersAsync(item);
        var head = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));
        var (_, version) = await SeenByAdminAsync(item);

        await ActAsync(head, item, "cancel", version, "a duplicate");
        var (status, _) = await ActAsync(head, item, "undo", version + 1);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(tightened, await PendingTimersAsync(item));
    }

    [Fact]
    public async Task An_undo_after_the_window_after_another_change_or_by_someone_else_is_refused_and_changes_nothing()
    {
        var late = await NewItemAsync();
        var twice = await NewItemAsync();
        var other = await NewItemAsync();
        var head = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));
        var colleague = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));

        await ActAsync(head, late, "cancel", 1, "duplicate");
        fixture.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var (status, refused) = await ActAsync(head, late, "undo", 2);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Not undone: It can be undone only within a minute of taking it; the item stays Cancelled.", refused);
        Assert.Equal(("Cancelled", 2), await SeenByAdminAsync(late));
        Assert.Empty(await PendingTimersAsync(late));

        await ActAsync(head, twice, "cancel", 1, "duplicate");
        Assert.Contains("Undone", (await ActAsync(head, twice, "undo", 2)).Html);
        await ActAsync(head, twice, "acknowledge", 3);
        Assert.Contains("Not undone: Something else happened to the item since, so it stays Acknowledged.", (await ActAsync(head, twice, "undo", 2)).Html);
        Assert.Equal(("Acknowledged", 4), await SeenByAdminAsync(twice));

        await ActAsync(head, other, "cancel", 1, "duplicate");
        var (_, notTheirs) = await ActAsync(colleague, other, "undo", 2);
        Assert.Contains("Not undone: Only department-head-", notTheirs);
        Assert.Equal(("Cancelled", 2), await SeenByAdminAsync(other));
    }

    [Fact]
    public async Task A_hand_back_undone_cancels_the_untouched_triage_item_and_one_taken_up_in_triage_stands()
    {
        var receipt = await admin.SubmitAsync(Reports.Valid("supply"));
        var item = (string)receipt.Item("logistics")["id"]!;
        var second = await admin.SubmitAsync(Reports.Valid("supply"));
        var taken = (string)second.Item("logistics")["id"]!;
        var head = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));

        Assert.Contains("Done (hand-back): the item is now HandedBack.", (await ActAsync(head, item, "hand-back", 1, "a vendor problem")).Html);
        var triage = await TriageItemAsync((string)receipt["reportId"]!);
        Assert.Equal("Routed", (await admin.GetItemAsync(triage)).State());

        var (_, undone) = await ActAsync(head, item, "undo", 2);
        Assert.Contains("Undone: the item is back to Routed. The item it had opened in triage is cancelled.", undone);
        Assert.Equal(("Routed", 3), await SeenByAdminAsync(item));
        Assert.Equal("Cancelled", (await admin.GetItemAsync(triage)).State());
        Assert.Empty(await PendingTimersAsync(triage));
        Assert.Equal(triage, (string)(await admin.TimelineAsync(item))[^1]!["data"]!["cancelledTriageItem"]!);

        // Triage acknowledged the item it was handed back as: the hand-back stands.
        await ActAsync(head, taken, "hand-back", 1, "a vendor problem");
        var takenUp = await TriageItemAsync((string)second["reportId"]!);
        await admin.DoAsync(takenUp, "acknowledge");
        var (status, refused) = await ActAsync(head, taken, "undo", 2);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Not undone: Triage has already taken up the item it was handed back as, so the hand-back stands.", refused);
        Assert.Equal(("HandedBack", 2), await SeenByAdminAsync(taken));
        Assert.Equal("Acknowledged", (await admin.GetItemAsync(takenUp)).State());
    }

    async Task<string> TriageItemAsync(string reportId) =>
        (string)(await admin.GetJsonAsync($"/api/reports/{reportId}"))["workItems"]!.AsArray()
            .Select(i => i!["workItem"]!).Single(i => (string)i["department"]! == "triage")["id"]!;
}

public sealed class UndoOnSqlite(SqliteFixture fixture) : UndoTests(fixture), IClassFixture<SqliteFixture>;

public sealed class UndoOnPostgres(PostgresFixture fixture) : UndoTests(fixture), IClassFixture<PostgresFixture>;
