using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Timers;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.Effectiveness;

/// A product's complaints and units sold, imported as a CSM imports them (POST /api/complaints,
/// POST /api/exposure), and the calls a resolution-check test makes around them.
internal static class SegmentData
{
    /// Units sold of the product in each month from `first` to `last` (both included; any day of
    /// the month), by month.
    public static async Task SellAsync(
        this HttpClient client, string product, DateOnly first, DateOnly last, Func<DateOnly, long> units, string region = "Michigan")
    {
        var rows = new List<JsonObject>();
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
            rows.Add(new JsonObject
            {
                ["product"] = product, ["region"] = region,
                ["month"] = month.ToString("yyyy-MM", CultureInfo.InvariantCulture), ["unitsSold"] = units(month),
            });
        var (status, body) = await client.PostAsync("/api/exposure", AsNdjson(rows), Ndjson);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((0L, ""), (Counts(body).Rejected, Counts(body).Errors));
    }

    /// Units sold at an even rate a day: the month's days times the rate, so any window of days
    /// counts `perDay` a day, wherever it cuts a month.
    public static Func<DateOnly, long> PerDay(long perDay) => month => perDay * DateTime.DaysInMonth(month.Year, month.Month);

    /// One complaint of the category about the product at each of the times (by phone, from Michigan, unless said).
    public static async Task ComplainAsync(
        this HttpClient client, string product, IEnumerable<DateTimeOffset> at, string category = "quality", string region = "Michigan",
        string channel = "phone")
    {
        var rows = at.Select(t => Complaint($"{product}-{Guid.NewGuid():N}", product, category,
            t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).With("region", region).With("channel", channel)).ToList();
        var (status, body) = await client.PostAsync("/api/complaints", AsNdjson(rows), Ndjson);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((rows.Count, 0L, 0L, ""), Counts(body));
    }

    /// `count` times, `every` days apart from `first`, at noon UTC.
    public static IEnumerable<DateTimeOffset> Days(DateOnly first, int count, int every = 1) =>
        Enumerable.Range(0, count).Select(i => Noon(first.AddDays(i * every)));

    public static DateTimeOffset Noon(DateOnly day) => Midnight(day).AddHours(12);

    public static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// Moves the fake clock to `at` (later than now), firing what comes due on the way.
    public static Task AdvanceToAsync(this RoutingFixture fixture, DateTimeOffset at)
    {
        var by = at - fixture.Clock.GetUtcNow();
        Assert.True(by >= TimeSpan.Zero, $"{at:O} is before now, {fixture.Clock.GetUtcNow():O}.");
        return fixture.AdvanceAsync(by);
    }

    /// Takes an action with a body as a department head sends it, effectiveness included.
    public static async Task<HttpResponseMessage> ActWithAsync(
        this HttpClient client, string id, string action, string? note = null, object? fields = null, object? effectiveness = null)
    {
        var version = (int)(await client.GetItemAsync(id))["version"]!;
        return await client.PostAsJsonAsync($"/api/work-items/{id}/{action}", new { note, version, fields, effectiveness });
    }

    /// The action, which must be refused with a 422: the errors by field.
    public static async Task<JsonObject> RefusedWithAsync(
        this HttpClient client, string id, string action, string? note = null, object? fields = null, object? effectiveness = null)
    {
        using var response = await client.ActWithAsync(id, action, note, fields, effectiveness);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{action}: expected 422, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["errors"]!.AsObject();
    }

    /// The action, which must succeed: the item after it.
    public static async Task<JsonObject> DoWithAsync(
        this HttpClient client, string id, string action, string? note = null, object? fields = null, object? effectiveness = null)
    {
        using var response = await client.ActWithAsync(id, action, note, fields, effectiveness);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: expected 200, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// The item's events of a kind, oldest first.
    public static JsonNode[] OfKind(this JsonArray timeline, string kind) =>
        [.. timeline.Where(e => (string)e!["kind"]! == kind).Select(e => e!)];

    /// The item's pending timers as "step at due time", by due time.
    public static Task<string[]> PendingTimersAsync(this RoutingFixture fixture, string id) => fixture.WithStoreAsync(async db =>
    {
        var item = Guid.Parse(id);
        var pending = await db.Timers.AsNoTracking().Where(t => t.WorkItemId == item && t.Status == TimerStatus.Pending)
            .Select(t => new { t.Step, t.DueAt }).ToListAsync();
        return pending.OrderBy(t => t.DueAt).Select(t => $"{t.Step} at {t.DueAt.UtcDateTime:yyyy-MM-dd HH:mm}").ToArray();
    });

    /// The data of the item's latest webhook notification of the event (its payload's `data`).
    public static Task<JsonNode> NotificationAsync(this RoutingFixture fixture, string id, string @event) => fixture.WithStoreAsync(async db =>
    {
        var item = Guid.Parse(id);
        var payloads = await db.Notifications.AsNoTracking().Where(n => n.WorkItemId == item && n.Event == @event)
            .Select(n => new { n.CreatedAt, n.Payload }).ToListAsync();
        return JsonNode.Parse(payloads.OrderBy(n => n.CreatedAt).Last().Payload)!["data"]!;
    });

    public static string At(DateTimeOffset at) => $"{at.UtcDateTime:yyyy-MM-dd HH:mm}";
}
