namespace Routing.Engine.Departments;

/// A department (or third-party vendor) that can receive work items; part of a ruleset.
public sealed record Department(string Id, string Name, string Kind, string? Contact = null)
{
    public const string Internal = "internal";
    public const string Vendor = "vendor";
    public const string Triage = "triage";
    public static readonly string[] Kinds = [Internal, Vendor, Triage];
}
