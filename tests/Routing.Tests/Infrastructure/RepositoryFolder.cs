namespace Routing.Tests.Infrastructure;

/// The checkout the tests were built from (where Routing.sln is).
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Routing.sln"))) return dir.FullName;
        throw new InvalidOperationException("Routing.sln not found above the test binaries.");
    }
}
