using Routing.Tests.Infrastructure;
using Routing.Workflows.WorkItems;

namespace Routing.Tests.Workflows;

public sealed class ReadmeDiagramTests
{
    [Theory]
    [InlineData("standard")]
    [InlineData("corrective-action")]
    [InlineData("supplier-corrective-action")]
    public void Readme_draws_each_shipped_lifecycle_exactly_as_it_is_exported(string lifecycle)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "README.md"));

        var marker = readme.IndexOf($"<!-- lifecycle: {lifecycle} -->\n```mermaid\n", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"the README draws no {lifecycle} lifecycle");
        var start = readme.IndexOf("```mermaid\n", marker, StringComparison.Ordinal) + "```mermaid\n".Length;
        var diagram = readme[start..readme.IndexOf("\n```", start, StringComparison.Ordinal)];

        Assert.Equal(LifecycleMachine.Graph(TestRules.Lifecycle(lifecycle), "mermaid").TrimEnd('\n'), diagram);
    }
}
