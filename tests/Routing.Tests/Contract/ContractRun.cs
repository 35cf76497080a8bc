using Routing.Tests.Infrastructure;

namespace Routing.Tests.Contract;

/// One live host on the shipped rules, its OpenAPI document as an integrator fetches it, and
/// a work folder with the walkthrough (tests/contract) beside the document. Each step runs at
/// most once, when a test first needs it: lint, generate, compile, walk.
public sealed class ContractRun : IAsyncLifetime
{
    readonly TestStore store = TestStore.Sqlite();
    HostProcess? host;
    readonly Lazy<Task<NodeTools.Ran>> lint, generate, compile, walk;

    public ContractRun()
    {
        lint = new(() => NodeTools.RunToolAsync(Folder, "spectral", "lint", "--ruleset", ".spectral.yaml", "--fail-severity", "warn", "openapi.json"));
        generate = new(() => NodeTools.RunToolAsync(Folder, "openapi-typescript", "openapi.json", "--output", "schema.d.ts"));
        compile = new(async () =>
        {
            var generated = await generate.Value;
            Assert.True(generated.ExitCode == 0, $"openapi-typescript could not read the document:\n{generated}");
            return await NodeTools.RunToolAsync(Folder, "tsc", "--project", ".");
        });
        walk = new(async () =>
        {
            // tsc writes the JavaScript even when it finds type errors (the compile test reports
            // them), so the walkthrough still shows what the host answers.
            await compile.Value;
            return await WalkAsync(Document);
        });
    }

    /// Why the test cannot run here, or null (see NodeTools.Missing).
    public string? Missing { get; } = NodeTools.Missing();
    public string Folder { get; } = Directory.CreateTempSubdirectory("routing-contract-").FullName;
    public string Document => Path.Combine(Folder, "openapi.json");
    /// The host's own /openapi/v1.json, fetched anonymously as an integrator does.
    public string DocumentText { get; private set; } = "";

    public Task<NodeTools.Ran> LintAsync() => lint.Value;
    public Task<NodeTools.Ran> CompileAsync() => compile.Value;
    public Task<NodeTools.Ran> WalkAsync() => walk.Value;
    public Task<NodeTools.Ran> CastsAsync() => NodeTools.RunNodeAsync(Folder, new Dictionary<string, string>(), ["no-casts.mjs", "walkthrough.ts", "conformance.ts"]);

    /// The compiled walkthrough against the live host, holding its answers to `document`.
    public Task<NodeTools.Ran> WalkAsync(string document) => NodeTools.RunNodeAsync(Folder, new Dictionary<string, string>
    {
        ["ROUTING_URL"] = host!.Address.GetLeftPart(UriPartial.Authority),
        ["ROUTING_ADMIN_KEY"] = RoutingApplication.AdminKey,
        ["ROUTING_OPENAPI"] = document,
        ["ROUTING_SAMPLES"] = Path.Combine(RepositoryFolder.Root, "samples"),
    }, [Path.Combine("dist", "walkthrough.js")]);

    public async Task InitializeAsync()
    {
        if (Missing is not null) return;
        foreach (var file in new[] { "walkthrough.ts", "conformance.ts", "no-casts.mjs", "tsconfig.json", "package.json", ".spectral.yaml" })
            File.Copy(Path.Combine(NodeTools.Folder, file), Path.Combine(Folder, file));
        // The pinned packages, where Node and tsc look for them from the work folder.
        Directory.CreateSymbolicLink(Path.Combine(Folder, "node_modules"), Path.Combine(NodeTools.Folder, "node_modules"));

        host = new HostProcess(store, TestRules.Shipped);
        await host.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = host.Address };
        DocumentText = await anonymous.GetStringAsync("/openapi/v1.json");
        await File.WriteAllTextAsync(Document, DocumentText);
    }

    public async Task DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
        await store.DisposeAsync();
        // The link first, so that deleting the folder cannot reach the packages behind it.
        var link = new DirectoryInfo(Path.Combine(Folder, "node_modules"));
        if (link.LinkTarget is not null) link.Delete();
        Directory.Delete(Folder, recursive: true);
    }
}
