using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Drills;

/// Every POST endpoint that reads a body gets 10,000 bodies mutated from a valid one (fixed seed): truncated
/// and deeply nested JSON, wrong types, huge numbers and strings, invalid UTF-8, unknown
/// fields, nulls everywhere, NUL characters, keys given twice, 10 MB bodies. Only 4xx may come back, nothing may be stored,
/// and afterwards the host still works and the history chain still verifies. The imports answer a body of bad lines
/// with 200 and the lines' errors (storing what is valid in it, and an event with the counts), and a pattern scan reads
/// no body and stores its outcome: from them (Writes), no 5xx.
[Collection(RealTime.Name)]
public sealed class GarbageInputDrill(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    const int BodiesPerEndpoint = 10_000;
    const int Senders = 8;
    const int Seed = 20261124;
    static readonly Guid NoCandidate = Guid.Parse("0195f3a0-0000-7000-8000-00000000fa22");
    readonly HttpClient client = fixture.Client;

    /// `Answers`: a body it can read gets a 200 saying what is wrong with what it holds (nothing is stored): no 5xx.
    sealed record Target(string Pattern, Func<Random, string> Path, JsonNode Valid, int Bodies = BodiesPerEndpoint, bool Writes = false, bool Answers = false);

    [Fact]
    public async Task Ten_thousand_mutated_bodies_per_post_endpoint_get_only_4xx_and_store_nothing()
    {
        var item = (string)(await client.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;
        var itemVersion = (int)(await client.GetItemAsync(item))["version"]!;
        var active = (int)(await client.GetJsonAsync("/api/rules"))["version"]!;
        string[] actions = ["acknowledge", "start", "resolve", "hand-back", "cancel", "comment"];
        Target[] targets =
        [
            new("/api/reports", _ => "/api/reports", Reports.Valid()),
            new("/api/work-items/{id:guid}/{action}", r => $"/api/work-items/{item}/{actions[r.Next(actions.Length)]}",
                new JsonObject { ["note"] = "checked the depot", ["version"] = itemVersion }),
            // The item awaits no decision: whatever the body, a 4xx and nothing stored.
            new("/api/work-items/{id:guid}/effectiveness/decision", _ => $"/api/work-items/{item}/effectiveness/decision",
                new JsonObject { ["verdict"] = "effective", ["note"] = "the reports stopped", ["version"] = itemVersion }, Bodies: 1_000),
            new("/api/rules/versions", _ => "/api/rules/versions", Rulesets.ShippedDraft()),
            // Publish and replay read no body, so a few bodies show that garbage sent along does not matter.
            new("/api/rules/versions/{version:int}/publish", _ => $"/api/rules/versions/{active + 1000}/publish", new JsonObject(), Bodies: 100),
            new("/api/rules/versions/{version:int}/replay", _ => $"/api/rules/versions/{active}/replay", new JsonObject(), Bodies: 100),
            // Takes text/calendar: a JSON body of any shape is a 415, and drafts nothing.
            new("/api/calendars/{id}/holidays", _ => "/api/calendars/office-chicago/holidays", new JsonObject(), Bodies: 100),
            // Answers ok or why not for any expression it can read, long, nested or hostile.
            new("/api/rules/expressions/check", _ => "/api/rules/expressions/check",
                new JsonObject { ["expression"] = "report.Category == \"quality\" && report.Segment.Months.Any(m => m >= 11)" }, Bodies: 2_000, Answers: true),
            new("/api/rules/simulate", _ => "/api/rules/simulate", new JsonObject { ["report"] = Reports.Valid(), ["version"] = active }),
            new("/api/keys/", _ => "/api/keys", new JsonObject { ["name"] = "fuzz", ["role"] = "csm", ["departments"] = new JsonArray() }),
            new("/api/complaints", _ => "/api/complaints", new JsonArray(new JsonObject { ["id"] = "fuzz-1", ["receivedAt"] = "2026-11-01T10:00:00Z",
                ["product"] = "HX-200", ["category"] = "quality", ["region"] = "Utah" }), Bodies: 1_000, Writes: true),
            new("/api/exposure", _ => "/api/exposure", new JsonArray(new JsonObject { ["product"] = "HX-200", ["region"] = "Utah",
                ["month"] = "2026-10", ["unitsSold"] = 900 }), Bodies: 1_000, Writes: true),
            new("/api/patterns/scan", _ => "/api/patterns/scan", new JsonObject(), Bodies: 100, Writes: true),
            // No candidate has this id: the body is read and checked before the candidate is looked up.
            new("/api/patterns/{id:guid}/submit", _ => $"/api/patterns/{NoCandidate}/submit", new JsonObject { ["severity"] = "high", ["title"] = "Fuzz" }, Bodies: 1_000),
            new("/api/patterns/{id:guid}/dismiss", _ => $"/api/patterns/{NoCandidate}/dismiss", new JsonObject { ["reason"] = "fuzz" }, Bodies: 1_000),
        ];
        var posts = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/')).Order().ToList();
        Assert.Equal(posts, targets.Select(t => t.Pattern.TrimEnd('/')).Order().ToList());

        var before = await CountsAsync();
        var wrong = new ConcurrentQueue<string>();
        await SendAsync(targets.Where(t => !t.Writes), wrong);
        Assert.Equal(before, await CountsAsync());
        await SendAsync(targets.Where(t => t.Writes), wrong);

        Assert.True(wrong.IsEmpty, $"{wrong.Count} answers were not 4xx, e.g.:\n{string.Join("\n", wrong.Take(10))}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await client.SubmitAsync(Reports.Valid());
        await fixture.SealHistoryAsync();
        Assert.True((bool)(await client.GetJsonAsync("/api/history/verify"))["ok"]!);
    }

    async Task SendAsync(IEnumerable<Target> targets, ConcurrentQueue<string> wrong)
    {
        foreach (var target in targets)
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
            {
                int n;
                while ((n = Interlocked.Increment(ref next)) < target.Bodies)
                {
                    var random = new Random(Seed + n);
                    var (body, mutation) = Mutations.Apply(target.Valid, random);
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new("application/json");
                    using var response = await client.PostAsync(target.Path(random), content);
                    var status = (int)response.StatusCode;
                    if (target.Writes || target.Answers ? status >= 500 : status is < 400 or >= 500)
                        wrong.Enqueue($"{target.Pattern} #{n} ({mutation}): {status} {Truncated(await response.Content.ReadAsStringAsync())}");
                }
            }));
        }
    }

    Task<string> CountsAsync() => fixture.WithStoreAsync(async db =>
        $"reports {await db.Reports.CountAsync()}, items {await db.WorkItems.CountAsync()}, rulesets {await db.Rulesets.CountAsync()}, " +
        $"publications {await db.Publications.CountAsync()}, keys {await db.ApiKeys.CountAsync()}, history {await db.History.CountAsync()}");

    static string Truncated(string s) => s.Length > 300 ? s[..300] + "…" : s;
}

/// Mutations of a valid JSON body that no server should take.
internal static class Mutations
{
    const string Marker = "\u0001marker\u0001";

    public static (byte[] Body, string Mutation) Apply(JsonNode valid, Random random)
    {
        var json = valid.ToJsonString();
        switch (random.Next(12))
        {
            case 0:
                return (Encoding.UTF8.GetBytes(json[..random.Next(json.Length)]), "truncated");
            case 1:
                var depth = random.Next(65, 20_000);
                var nested = random.Next(2) == 0
                    ? new string('[', depth) + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                return (Raw(valid, random, nested), "deeply nested");
            case 2:
                return Replace(valid, random, WrongType, "wrong type");
            case 3:
                return (Raw(valid, random, random.Next(2) == 0 ? "1e999999" : "123456789012345678901234567890"), "huge number");
            case 4:
                var huge = random.Next(10) == 0 ? 5_000_000 : 300_000;
                return Replace(valid, random, _ => new string('x', huge), $"{huge:N0}-character string");
            case 5:
                return Replace(valid, random, _ => new string('y', 20_000), "20,000-character string", stringsOnly: true);
            case 6:
                // Inside a string value, where the parser must decode the bytes; with no string in
                // the body, right after its first character.
                var text = Slot(valid, random, stringsOnly: true) is { } slot ? WithMarker(valid, slot) : json;
                var marker = Escaped(Marker);
                var index = text.IndexOf(marker, StringComparison.Ordinal);
                var at = index < 0 ? 1 : Encoding.UTF8.GetByteCount(text[..index]);
                var bytes = Encoding.UTF8.GetBytes(index < 0 ? text : text.Remove(index, marker.Length));
                return ([.. bytes[..at], 0xC3, 0x28, 0xFF, .. bytes[at..]], "invalid UTF-8 in a string");
            case 7:
                var copy = valid.DeepClone();
                var objects = Nodes(copy).OfType<JsonObject>().ToList();
                var target = objects[random.Next(objects.Count)];
                target[$"unknownField{random.Next(1000)}"] = 1;
                return (Encoding.UTF8.GetBytes(copy.ToJsonString()), $"unknown field in {target.GetPath()}");
            case 8:
                var nulls = valid.DeepClone();
                foreach (var o in Nodes(nulls).OfType<JsonObject>().ToList())
                    foreach (var name in o.Select(p => p.Key).ToList())
                        if (o[name] is not JsonObject) o[name] = null;
                return (Encoding.UTF8.GetBytes(nulls.ToJsonString()), "nulls everywhere");
            case 9:
                // PostgreSQL refuses NUL in text: it must be turned away before it gets there.
                return Replace(valid, random, v => (string)v! + "\0", "NUL character", stringsOnly: true);
            case 10:
                // A key given twice, the first time with another value: which one wins?
                if (valid is not JsonObject { Count: > 0 } top) goto case 2;
                var (key, value) = top.First();
                var twice = $"{{{JsonValue.Create(key).ToJsonString()}:{WrongType(value).ToJsonString()},{json[1..]}";
                return (Encoding.UTF8.GetBytes(twice), $"{key} given twice");
            default:
                if (random.Next(100) != 0) goto case 2;
                return (Encoding.UTF8.GetBytes("{\"title\": \"" + new string('z', 10 * 1024 * 1024) + "\"}"), "10 MB body");
        }
    }

    /// A value of another JSON kind than the current one (never null: null may be allowed).
    static JsonNode WrongType(JsonNode? current) => current switch
    {
        JsonValue v when v.TryGetValue<string>(out _) => 42,
        JsonValue v when v.TryGetValue<bool>(out _) => "yes",
        JsonValue => new JsonArray("x"),
        JsonArray => "not a list",
        _ => new JsonArray(1, 2),
    };

    static (byte[], string) Replace(JsonNode valid, Random random, Func<JsonNode?, JsonNode> with, string what, bool stringsOnly = false)
    {
        var copy = valid.DeepClone();
        if (Slot(copy, random, stringsOnly) is not var (parent, key))
            return (Encoding.UTF8.GetBytes("\"" + new string('x', 20_000) + "\""), $"{what} as the body");
        var path = Get(parent, key)!.GetPath();
        Set(parent, key, with(Get(parent, key)));
        return (Encoding.UTF8.GetBytes(copy.ToJsonString()), $"{what} at {path}");
    }

    /// The body with one value replaced by raw JSON text (which JsonNode could not hold).
    static byte[] Raw(JsonNode valid, Random random, string raw) =>
        Encoding.UTF8.GetBytes(Slot(valid, random, stringsOnly: false) is { } slot
            ? WithMarker(valid, slot).Replace($"\"{Escaped(Marker)}\"", raw)
            : raw);

    static string WithMarker(JsonNode valid, (JsonNode Parent, object Key) slot)
    {
        var copy = valid.DeepClone();
        var path = slot.Parent.GetPath();
        var parent = path == "$" ? copy : Nodes(copy).Single(n => n.GetPath() == path);
        Set(parent, slot.Key, Marker);
        return copy.ToJsonString();
    }

    static string Escaped(string s) => JsonValue.Create(s).ToJsonString().Trim('"');

    /// A random non-null value in the tree, as its parent and property name or index.
    static (JsonNode Parent, object Key)? Slot(JsonNode root, Random random, bool stringsOnly)
    {
        var slots = Nodes(root).SelectMany<JsonNode, (JsonNode, object)>(n => n switch
        {
            JsonObject o => o.Where(p => p.Value is not null).Select(p => ((JsonNode)o, (object)p.Key)),
            JsonArray a => a.Select((v, i) => (v, i)).Where(x => x.v is not null).Select(x => ((JsonNode)a, (object)x.i)),
            _ => [],
        }).Where(s => !stringsOnly || Get(s.Item1, s.Item2) is JsonValue v && v.TryGetValue<string>(out _)).ToList();
        return slots.Count == 0 ? null : slots[random.Next(slots.Count)];
    }

    static IEnumerable<JsonNode> Nodes(JsonNode? node)
    {
        if (node is null) yield break;
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.ToList())
            foreach (var n in Nodes(child))
                yield return n;
    }

    static JsonNode? Get(JsonNode parent, object key) => key is string name ? parent[name] : parent[(int)key];

    static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (key is string name) parent[name] = value;
        else parent[(int)key] = value;
    }
}
