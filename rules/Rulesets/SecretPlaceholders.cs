using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Departments;
using Routing.Engine.Store;

namespace Routing.Rules.Rulesets;

/// Admins read departments with each secret shown as its fingerprint and send them back
/// edited: a fingerprint left in place means "keep this secret", so editing a rule never
/// asks for secrets again. It is swapped back for the stored secret of the same department
/// and field (or, failing that, another field of that department: a rotation moves the current
/// secret to previousSecrets), looked for in the active version first, then in the others, newest first.
internal static class SecretPlaceholders
{
    /// The departments JSON with every fingerprint replaced by its secret, or errors naming
    /// each fingerprint no stored secret has. Unparsable JSON is returned as it is: the
    /// compiler reports it.
    public static async Task<(string Json, IReadOnlyList<RuleError> Errors)> RestoreAsync(
        string departmentsJson, RoutingDb db, int activeVersion, CancellationToken ct)
    {
        JsonNode? parsed;
        try { parsed = JsonNode.Parse(departmentsJson); }
        catch (JsonException) { return (departmentsJson, []); }
        if (parsed is not JsonArray departments) return (departmentsJson, []);

        var open = departments.OfType<JsonObject>()
            .SelectMany(d => SecretFields.SecretsIn(d)
                .Where(s => SecretFields.IsFingerprint(s.Value.GetValue<string>()))
                .Select(s => (Department: IdOf(d), s.Value, s.Path)))
            .ToList();
        if (open.Count == 0) return (departmentsJson, []);

        var versions = await db.Rulesets.AsNoTracking().OrderByDescending(r => r.Version == activeVersion).ThenByDescending(r => r.Version)
            .Select(r => r.Version).ToListAsync(ct);
        foreach (var version in versions)
        {
            var stored = StoredSecrets(await db.Rulesets.AsNoTracking().Where(r => r.Version == version).Select(r => r.DepartmentsJson).FirstAsync(ct));
            foreach (var placeholder in open.ToList())
                if (Stored(stored, placeholder.Department, placeholder.Path, placeholder.Value.GetValue<string>()) is { } secret)
                {
                    placeholder.Value.ReplaceWith(secret);
                    open.Remove(placeholder);
                }
            if (open.Count == 0) return (departments.ToJsonString(), []);
        }
        return (departmentsJson, [.. open.Select(p => new RuleError($"departments/{p.Department}",
            $"{p.Path.TrimStart('/').Replace('/', '.')} is the fingerprint of no stored secret of this department: type the secret itself."))]);
    }

    /// The stored secret the fingerprint stands for: the one in the same field, else one in another
    /// field of the same department (a secret moved to previousSecrets when a webhook's is rotated).
    static string? Stored(Dictionary<(string?, string), string> stored, string? department, string path, string fingerprint) =>
        stored.TryGetValue((department, path), out var same) && SecretFields.Fingerprint(same) == fingerprint ? same
        : stored.Where(s => s.Key.Item1 == department && SecretFields.Fingerprint(s.Value) == fingerprint).Select(s => s.Value).FirstOrDefault();

    static Dictionary<(string?, string), string> StoredSecrets(string departmentsJson)
    {
        var found = new Dictionary<(string?, string), string>();
        if (JsonNode.Parse(departmentsJson) is JsonArray departments)
            foreach (var d in departments.OfType<JsonObject>())
                foreach (var (value, path) in SecretFields.SecretsIn(d))
                    found.TryAdd((IdOf(d), path), value.GetValue<string>());
        return found;
    }

    static string? IdOf(JsonObject department) =>
        department["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
}
