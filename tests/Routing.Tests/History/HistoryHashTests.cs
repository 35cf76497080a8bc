using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Routing.Engine.History;

namespace Routing.Tests.History;

/// Chains sealed before stay verifiable: the hash is the one the serializer-built canonical JSON gave.
public sealed class HistoryHashTests
{
    public static TheoryData<string?, string, Guid?, Guid?, string?> Events => new()
    {
        { null, "{}", null, null, null },
        { "logistics", """{"note":"Café \"quoted\" <b>&amp;</b> + 😀 \u2028"}""", Guid.NewGuid(), Guid.NewGuid(), null },
        { "acme-parts", """{"n":1}""", null, Guid.NewGuid(), Guid.NewGuid().ToString() },
        { "rnd", "not json at all \\ \t\n\u0001", Guid.NewGuid(), null, Guid.NewGuid().ToString() },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void The_hash_is_sha256_over_the_previous_hash_and_the_fields_as_the_serializer_writes_them(
        string? department, string data, Guid? reportId, Guid? workItemId, string? keyId)
    {
        var e = new HistoryEvent
        {
            Sequence = 41, ChainIndex = 40, At = new DateTimeOffset(2026, 11, 30, 17, 5, 9, 123, TimeSpan.FromHours(2)),
            Actor = "csm-ñ", Kind = HistoryKinds.Commented, ReportId = reportId, WorkItemId = workItemId, Department = department,
            Data = data, ActorKeyId = keyId is null ? null : Guid.Parse(keyId),
        };
        var previous = Convert.ToHexStringLower(SHA256.HashData("previous"u8));

        object?[] fields = [e.ChainIndex, e.Sequence, "2026-11-30T15:05:09.123Z", e.Actor, e.Kind, e.ReportId, e.WorkItemId, e.Department, e.Data];
        var canonical = JsonSerializer.Serialize(e.ActorKeyId is { } id ? [.. fields, id] : fields);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previous + "\n" + canonical)));

        Assert.Equal(expected, HistoryHash.Compute(e, previous));
        Assert.Equal(expected, HistoryHash.Compute(e, previous)); // the buffers a thread reuses start clean
    }
}
