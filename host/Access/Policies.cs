using Routing.Engine.Access;

namespace Routing.Host.Access;

/// Who may call what. Every endpoint names one of these (or is explicitly anonymous); the
/// fallback policy refuses anything that forgot to.
internal static class Policies
{
    public const string Read = "read";                 // every role; heads scoped to their departments
    public const string Submit = "submit";             // csm, admin
    public const string Act = "act";                   // department-head, csm (triage), admin
    public const string Simulate = "simulate";         // csm, admin
    public const string Import = "import";             // csm, admin: complaints and units sold
    public const string Administer = "administer";     // admin
    public const string Audit = "audit";               // auditor, admin
    public const string Patterns = "patterns";         // csm, admin, auditor: read pattern candidates

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions o)
    {
        o.AddPolicy(Read, p => p.RequireRole(Roles.All));
        o.AddPolicy(Submit, p => p.RequireRole(Roles.Csm, Roles.Admin));
        o.AddPolicy(Act, p => p.RequireRole(Roles.DepartmentHead, Roles.Csm, Roles.Admin));
        o.AddPolicy(Simulate, p => p.RequireRole(Roles.Csm, Roles.Admin));
        o.AddPolicy(Import, p => p.RequireRole(Roles.Csm, Roles.Admin));
        o.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(Audit, p => p.RequireRole(Roles.Auditor, Roles.Admin));
        o.AddPolicy(Patterns, p => p.RequireRole(Roles.Csm, Roles.Admin, Roles.Auditor));
        o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireRole(Roles.Admin).Build();
    }
}
