using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Timers;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Intake;

/// A pattern that comes back more urgent than the open item it joins raises that item: its
/// priority, its due times and its timers; a less urgent recurrence changes nothing.
public abstract class ReprioritizationTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    // The bands (see PriorityTests): low is P4 (acknowledge within 5 days, resolve within 30),
    // critical is P1 (4 hours, 3 days; follow-ups every 2 hours, half the acknowledgement window).
    static readonly TimeSpan P1AckWithin = TimeSpan.FromHours(4), P1ResolveWithin = TimeSpan.FromDays(3);

    static JsonObject Pattern(string severity) => Reports.Valid("supply", severity).With("segment.region", "Idaho");

    static DateTimeOffset Time(JsonNode? node) => DateTimeOffset.Parse((string)node!);

    static string[] Reminders(JsonArray timeline) => [.. timeline.Kinds().Where(k => k == "work-item.reminded")];

    [Fact]
    public async Task Critical_recurrence_of_a_P4_item_raises_it_to_P1_and_moves_its_timers()
    {
        var first = Pattern("low");
        var p4 = (await client.SubmitAsync(first)).Item("logistics");
        var id = (string)p4["id"]!;
        var (oldAckDue, oldResolveDue) = (Time(p4["ackDueAt"]), Time(p4["resolveDueAt"]));
        await fixture.AdvanceAsync(TimeSpan.FromHours(1));

        var now = fixture.Clock.GetUtcNow();
        var receipt = await client.SubmitAsync(first.DeepClone().AsObject().With("severity", "critical"));

        var item = receipt.Item("logistics");
        Assert.Equal(id, (string)item["id"]!);
        Assert.True((bool)item["recurrence"]!);
        Assert.Equal("P1", (string)item["priority"]!);
        Assert.Equal("P4", (string)item["reprioritizedFrom"]!);
        Assert.Equal(now + P1AckWithin, Time(item["ackDueAt"]));
        Assert.Equal(now + P1ResolveWithin, Time(item["resolveDueAt"]));
        Assert.Equal(["sales"], receipt["notify"].Strings());

        var read = await client.GetItemAsync(id);
        Assert.Equal("P1", (string)read["priority"]!);
        Assert.Equal(now + P1AckWithin, Time(read["ackDueAt"]));
        Assert.Equal(2, (int)read["version"]!);

        var timeline = await client.TimelineAsync(id);
        var raised = timeline.Single(e => (string)e!["kind"]! == "work-item.reprioritized")!;
        Assert.Equal("P4", (string)raised["data"]!["before"]!["priority"]!);
        Assert.Equal("P1", (string)raised["data"]!["after"]!["priority"]!);
        Assert.Equal(oldAckDue, Time(raised["data"]!["before"]!["ackDueAt"]));
        Assert.Equal(oldResolveDue, Time(raised["data"]!["before"]!["resolveDueAt"]));
        Assert.StartsWith("Reprioritized P4 → P1", (string)raised["summary"]!);

        // The follow-up comes at the new acknowledgement due time, not at the old one.
        await fixture.AdvanceAsync(P1AckWithin - TimeSpan.FromMinutes(1));
        Assert.Empty(Reminders(await client.TimelineAsync(id)));
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        timeline = await client.TimelineAsync(id);
        Assert.Single(Reminders(timeline));
        // The department was told, through its channel, before the reminder.
        Assert.Contains(timeline, e => (string)e!["kind"]! == "notification.attempted" && (string)e["data"]!["event"]! == "reprioritized");

        var timers = await fixture.WithStoreAsync(db => db.Timers.AsNoTracking()
            .Where(t => t.WorkItemId == Guid.Parse(id) && t.Round == 0).ToListAsync());
        Assert.Equal(TimerStatus.Cancelled, timers.Single(t => t.Step == "follow-up" && t.DueAt == oldAckDue).Status);
        Assert.Equal(TimerStatus.Cancelled, timers.Single(t => t.Step == "resolution-due" && t.DueAt == oldResolveDue).Status);
        Assert.Equal(TimerStatus.Pending, timers.Single(t => t.Step == "resolution-due" && t.DueAt == now + P1ResolveWithin).Status);
    }

    [Fact]
    public async Task Acknowledged_item_raised_by_a_recurrence_is_escalated_at_its_new_resolution_due_time()
    {
        var first = Pattern("low");
        var id = (string)(await client.SubmitAsync(first)).Item("logistics")["id"]!;
        var acknowledged = await client.DoAsync(id, "acknowledge");

        var now = fixture.Clock.GetUtcNow();
        var item = (await client.SubmitAsync(first.DeepClone().AsObject().With("severity", "critical"))).Item("logistics");

        Assert.Equal("P1", (string)item["priority"]!);
        Assert.Equal("Acknowledged", (string)item["state"]!);
        // Acknowledged already: its acknowledgement due time is history and stays as it was.
        Assert.Equal(Time(acknowledged["ackDueAt"]), Time(item["ackDueAt"]));
        Assert.Equal(now + P1ResolveWithin, Time(item["resolveDueAt"]));

        await fixture.AdvanceAsync(P1ResolveWithin);
        Assert.Equal("Escalated", (await client.GetItemAsync(id)).State());
    }

    [Fact]
    public async Task Less_urgent_recurrence_changes_nothing()
    {
        var first = Pattern("critical");
        var p1 = (await client.SubmitAsync(first)).Item("logistics");
        var id = (string)p1["id"]!;
        await fixture.AdvanceAsync(TimeSpan.FromHours(1));

        var item = (await client.SubmitAsync(first.DeepClone().AsObject().With("severity", "low"))).Item("logistics");

        Assert.True((bool)item["recurrence"]!);
        Assert.Equal("P1", (string)item["priority"]!);
        Assert.Null(item["reprioritizedFrom"]);
        Assert.Equal(Time(p1["ackDueAt"]), Time(item["ackDueAt"]));
        Assert.Equal(Time(p1["resolveDueAt"]), Time(item["resolveDueAt"]));
        Assert.Equal(1, (int)(await client.GetItemAsync(id))["version"]!);
        Assert.DoesNotContain("work-item.reprioritized", (await client.TimelineAsync(id)).Kinds());
        var cancelled = await fixture.WithStoreAsync(db =>
            db.Timers.CountAsync(t => t.WorkItemId == Guid.Parse(id) && t.Status == TimerStatus.Cancelled));
        Assert.Equal(0, cancelled);
    }

    [Fact]
    public async Task Concurrent_urgent_recurrences_raise_the_item_once_and_are_all_counted()
    {
        var first = Pattern("low");
        var id = (string)(await client.SubmitAsync(first)).Item("logistics")["id"]!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.PostReportAsync(first.DeepClone().AsObject().With("severity", "critical"))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var item = await client.GetItemAsync(id);
        Assert.Equal("P1", (string)item["priority"]!);
        Assert.Equal(2, (int)item["version"]!);
        var timeline = await client.TimelineAsync(id);
        Assert.Single(timeline.Kinds(), k => k == "work-item.reprioritized");
        Assert.Equal(4, timeline.Kinds().Count(k => k == "work-item.recurred"));
        Assert.Equal(1, await fixture.WithStoreAsync(db => db.Timers.CountAsync(
            t => t.WorkItemId == Guid.Parse(id) && t.Step == "follow-up" && t.Status == TimerStatus.Pending)));
    }

    [Fact]
    public async Task Retried_recurrence_answers_as_the_first_time_and_raises_once()
    {
        var first = Pattern("low");
        var id = (string)(await client.SubmitAsync(first)).Item("logistics")["id"]!;
        var again = first.DeepClone().AsObject().With("severity", "critical");
        var key = $"raise-{Guid.NewGuid()}";

        var answer = await client.PostReportAsync(again, key);
        var retry = await client.PostReportAsync(again, key);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.Equal(body, await retry.Content.ReadAsStringAsync());
        Assert.Equal("P4", (string)JsonNode.Parse(body)!.AsObject().Item("logistics")["reprioritizedFrom"]!);
        Assert.Single((await client.TimelineAsync(id)).Kinds(), k => k == "work-item.reprioritized");
    }
}

public sealed class ReprioritizationOnSqlite(SqliteFixture fixture) : ReprioritizationTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ReprioritizationOnPostgres(PostgresFixture fixture) : ReprioritizationTests(fixture), IClassFixture<PostgresFixture>;
