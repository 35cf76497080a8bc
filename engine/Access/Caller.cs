using Routing.Engine.Departments;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Access;

/// Who asks, as the operations below HTTP see it: the name history records, the role and the
/// departments of the key. The host builds it once from the signed-in user; the CLI acts as a
/// system caller.
public sealed record Caller(string Name, string? Role, IReadOnlyList<string> Departments)
{
    /// The service itself (the CLI, a timer): an admin bound to no department.
    public static Caller System(string name) => new(name, Roles.Admin, []);

    public bool IsHead => Role == Roles.DepartmentHead;

    /// Department heads see only their departments; everyone else with read access sees all.
    public bool CanSee(string department) => !IsHead || Departments.Contains(department);

    /// Admins act on every item, heads on their departments', CSMs on triage (they own what nobody matched).
    public bool CanAct(string department, IDepartmentDirectory directory) =>
        Role == Roles.Admin
        || (IsHead && Departments.Contains(department))
        || (Role == Roles.Csm && directory.Find(department)?.Kind == Department.Triage);
}
