using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RulesEngine.Models;

namespace Routing.Rules.Rulesets;

/// How a ruleset's workflows are read: as RulesEngine 6 reads them (its member names,
/// PascalCase, case-sensitive), except that an unknown member is an error — a misspelt
/// "Enabled" or "Expresion" must not be dropped silently — and the members RulesEngine's own
/// demo files and docs give a rule without its model having them (`SuccessMessage`,
/// `ErrorType` in Discount.json and NestedInputDemo.json) are read and ignored, as
/// RulesEngine itself ignores them. RulesEngine's documented members are read
/// as its model has them; `WorkflowRulesToInject` as `WorkflowsToInject`.
internal static class RulesEngineJson
{
    public static readonly IReadOnlyList<string> IgnoredRuleMembers = ["SuccessMessage", "ErrorType"];

    public static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // "RuleExpressionType": "LambdaExpression" on a workflow too, as on a rule.
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AcceptIgnoredMembers } },
    };

    static void AcceptIgnoredMembers(JsonTypeInfo info)
    {
        if (typeof(Workflow).IsAssignableFrom(info.Type)) ReadOldInjectName(info);
        if (info.Type != typeof(Rule)) return;
        foreach (var name in IgnoredRuleMembers)
        {
            var member = info.CreateJsonPropertyInfo(typeof(JsonElement), name);
            member.Set = (_, _) => { };
            info.Properties.Add(member);
        }
    }

    // `WorkflowRulesToInject`, WorkflowsToInject's former name, has a setter only, which this
    // serializer would skip without a word: read it as WorkflowsToInject, which is refused with the reason.
    static void ReadOldInjectName(JsonTypeInfo info)
    {
        const string name = "WorkflowRulesToInject";
        if (info.Properties.FirstOrDefault(p => p.Name == name) is { } skipped) info.Properties.Remove(skipped);
        var member = info.CreateJsonPropertyInfo(typeof(List<string>), name);
        member.Set = (workflow, value) => ((Workflow)workflow).WorkflowsToInject = (List<string>?)value;
        info.Properties.Add(member);
    }
}
