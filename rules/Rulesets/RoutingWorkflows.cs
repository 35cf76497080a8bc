namespace Routing.Rules.Rulesets;

/// The RulesEngine workflows a ruleset must have.
internal static class RoutingWorkflows
{
    /// Rules here say which departments act; each needs a `department` property.
    public const string Routing = "Routing";
    /// Rules here say how urgent the report is; each needs `priority`, `ackWithin`, `resolveWithin`.
    public const string Priority = "Priority";
    /// In a `department` property: the department of the vendor the report names.
    public const string VendorPlaceholder = "{vendor}";
    /// The name rule expressions use for the report.
    public const string ReportParameter = "report";
    public static readonly string[] Priorities = ["P1", "P2", "P3", "P4"];
}
