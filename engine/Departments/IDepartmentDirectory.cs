namespace Routing.Engine.Departments;

/// The departments of the active ruleset.
public interface IDepartmentDirectory
{
    IReadOnlyList<Department> All { get; }
    Department? Find(string id);
}
