using Routing.Workflows.WorkItems;

namespace Routing.Tests.Workflows;

public sealed class ReadmeDiagramTests
{
    [Fact]
    public void Readme_shows_the_lifecycle_exactly_as_the_machine_exports_it()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "README.md"))) folder = folder.Parent!;
        var readme = File.ReadAllText(Path.Combine(folder.FullName, "README.md"));

        var start = readme.IndexOf("```mermaid\n", StringComparison.Ordinal) + "```mermaid\n".Length;
        var diagram = readme[start..readme.IndexOf("\n```", start, StringComparison.Ordinal)];

        Assert.Equal(LifecycleMachine.Graph(Infrastructure.TestRules.Lifecycle("standard"), "mermaid").TrimEnd('\n'), diagram);
    }
}
