using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Reports;
using Routing.Engine.Store;

namespace Routing.Engine.Intake;

/// Intake's idempotency in one place: what a key may be, the fingerprint of the request it came
/// with, and the first answer kept for it and replayed. A retry with the same key and the same
/// request gets that answer; the same key with another request is `IntakeOutcome.KeyReused`.
/// Adapters read the key where their protocol carries it and translate the outcome; they check nothing.
public static class Idempotency
{
    /// The longest key: the store's column (idempotency_keys.Key) is this long.
    public const int MaxKeyLength = 200;

    /// What a key may be, said to whoever sent one that is not.
    public static readonly string KeyRule = $"must be 1 to {MaxKeyLength} printable ASCII characters.";

    /// A key sent with an HTTP request (the Idempotency-Key header, trimmed) and the exact bytes
    /// of its body: a retry must send the same bytes. Null with `KeyRule` when it is not a key.
    public static IdempotencyKey? FromRequest(string key, ReadOnlySpan<byte> body, out string? problem)
    {
        var value = key.Trim();
        problem = value.Length is 0 or > MaxKeyLength || value.Any(c => c is < ' ' or > '~') ? KeyRule : null;
        return problem is null ? new IdempotencyKey(value, Fingerprint(body)) : null;
    }

    /// A console form's one-time id, with the submission the form produced: a form sent twice
    /// stores one report.
    public static IdempotencyKey FromForm(Guid form, ReportSubmission submission) =>
        new($"console:{form}", Fingerprint(JsonSerializer.SerializeToUtf8Bytes(submission)));

    static string Fingerprint(ReadOnlySpan<byte> request) => Convert.ToHexStringLower(SHA256.HashData(request));

    // The receipt as the API shows it (camelCase): the format of every row already kept.
    static readonly JsonSerializerOptions ReceiptJson = new(JsonSerializerDefaults.Web);

    /// The first answer given for the key, KeyReused when it came with another request, or null
    /// when the key is new.
    internal static async Task<IntakeOutcome?> ReplayAsync(RoutingDb db, IdempotencyKey key, CancellationToken ct)
    {
        var first = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key.Value, ct);
        if (first is null) return null;
        if (first.RequestHash != key.RequestHash) return new IntakeOutcome.KeyReused();
        return new IntakeOutcome.Accepted(JsonSerializer.Deserialize<ReportReceipt>(first.ResponseJson, ReceiptJson)!);
    }

    /// Keeps intake's answer for the key, in the caller's transaction; a concurrent request with
    /// the same key makes the save fail on the key's primary key, and the loser replays.
    internal static void Remember(RoutingDb db, IdempotencyKey key, ReportReceipt receipt, DateTimeOffset now) =>
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Key = key.Value,
            RequestHash = key.RequestHash,
            ReportId = receipt.ReportId,
            ResponseJson = JsonSerializer.Serialize(receipt, ReceiptJson),
            CreatedAt = now,
        });
}
