using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Calendars;

/// What the scenarios read of an item and its timeline.
static class Scenario
{
    public static DateTimeOffset Time(JsonNode? node) => DateTimeOffset.Parse((string)node!);

    public static DateTimeOffset AckDueAt(this JsonObject item) => Time(item["ackDueAt"]);

    public static DateTimeOffset ResolveDueAt(this JsonObject item) => Time(item["resolveDueAt"]);

    public static int Count(this JsonArray timeline, string kind) => timeline.Kinds().Count(k => k == kind);

    public static JsonObject Single(this JsonArray timeline, string kind) =>
        Assert.Single(timeline, e => (string)e!["kind"]! == kind)!.AsObject();

    public static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
}
