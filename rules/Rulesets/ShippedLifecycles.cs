using System.Text.Json;
using Routing.Engine.Lifecycles;

namespace Routing.Rules.Rulesets;

/// The lifecycles shipped in rules/lifecycles.json, built into this assembly: a version stored
/// before lifecycles were data follows the shipped standard one, as its items always did.
internal static class ShippedLifecycles
{
    /// The lifecycles of a version stored without any: the shipped standard one alone.
    public static readonly string StandardOnlyJson = JsonSerializer.Serialize(
        JsonSerializer.Deserialize<JsonElement[]>(RulesFile.Lifecycles.ReadOrThrow(Read(), RulesOptions.LifecyclesFile))!.Where(l => l.GetProperty("id").GetString() == Lifecycle.Standard));

    static string Read()
    {
        using var stream = typeof(ShippedLifecycles).Assembly.GetManifestResourceStream("Routing.Rules.lifecycles.json")
            ?? throw new InvalidOperationException("The shipped lifecycles are not built in.");
        return new StreamReader(stream).ReadToEnd();
    }
}
