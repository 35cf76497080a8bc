namespace Routing.Engine.Departments;

/// The departments of the active ruleset.
public interface IDepartmentDirectory
{
    IReadOnlyList<Department> All { get; }
    Department? Find(string id);

    /// The ruleset version these departments are of.
    int Version { get; }

    /// A department as a ruleset version has it (versions never change): where an event queued
    /// under that version goes, whatever was published since.
    Task<Department?> FindAsync(int version, string id);
}
