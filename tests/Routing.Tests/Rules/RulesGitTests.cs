using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Routing.Host.Cli;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Rules;

/// Rules kept in git: `rules pull`, `rules diff` and `rules push` against a live host (on a port
/// of its own, over HTTP), as CI runs them. Tests share the host; each pulls into a folder of
/// its own and asserts against what it pulled. The provider does not matter: SQLite only.
public sealed class RulesGitTests(RulesGitTests.LiveHost host) : IClassFixture<RulesGitTests.LiveHost>, IDisposable
{
    /// The host in process, listening on a port of its own (Kestrel) as a server CI talks to does, on the real clock.
    public sealed class LiveHost : IAsyncLifetime
    {
        readonly TestStore store = TestStore.Sqlite();
        RoutingApplication app = null!;
        public Uri Address { get; private set; } = null!;

        public Task InitializeAsync()
        {
            app = new RoutingApplication(store, clock: null);
            app.UseKestrel(0);
            app.StartServer();
            using var client = app.CreateClient();
            Address = client.BaseAddress!;
            return Task.CompletedTask;
        }

        /// A client with the admin key.
        public HttpClient Client() => app.CreateClient();

        public async Task DisposeAsync()
        {
            await app.DisposeAsync();
            await store.DisposeAsync();
        }
    }

    readonly string folder = Directory.CreateTempSubdirectory("routing-rules-git-").FullName;

    async Task<(int? Code, string Output, string Error)> Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await RoutingCli.TryRunAsync([.. args, "--url", host.Address.ToString(), "--key", RoutingApplication.AdminKey], output, error);
        return (code, output.ToString(), error.ToString());
    }

    string File(string name) => Path.Combine(folder, name);

    /// The active version's rule as the API shows it.
    async Task<(int Version, JsonNode Rule)> ActiveRuleAsync(string name)
    {
        using var client = host.Client();
        var active = (await client.GetFromJsonAsync<JsonObject>("/api/rules"))!;
        return ((int)active["version"]!, active["workflows"]!.AsArray().SelectMany(w => w!["Rules"]!.AsArray()).Single(r => (string?)r!["RuleName"] == name)!);
    }

    void Edit(string rule, string department)
    {
        var text = System.IO.File.ReadAllText(File("routing.json"));
        var routing = JsonNode.Parse(text)!;
        routing["workflows"]!.AsArray().SelectMany(w => w!["Rules"]!.AsArray()).Single(r => (string?)r!["RuleName"] == rule)!["Properties"]!["department"] = department;
        System.IO.File.WriteAllText(File("routing.json"), routing.ToJsonString());
    }

    [Fact]
    public async Task Pull_edit_diff_push_publish_round_trips_through_the_live_host()
    {
        var (pulled, pullOutput, pullError) = await Run("rules", "pull", folder);
        Assert.True(pulled == 0, pullError);
        Assert.StartsWith("pulled v", pullOutput);
        // A pulled folder is a rules folder: it names its schemas, has them, and validates offline.
        Assert.Equal("./schemas/routing.schema.json", (string?)JsonNode.Parse(System.IO.File.ReadAllText(File("routing.json")))!["$schema"]);
        Assert.True(System.IO.File.Exists(File("schemas/departments.schema.json")));
        var validOutput = new StringWriter();
        var valid = await RoutingCli.TryRunAsync(["rules", "validate", File("routing.json"), File("departments.json")], validOutput, validOutput);
        Assert.True(valid == 0, validOutput.ToString());
        var (clean, cleanOutput, _) = await Run("rules", "diff", folder);
        Assert.Equal(0, clean);
        Assert.StartsWith("no differences from the active version", cleanOutput);

        var before = await ActiveRuleAsync("SupplyProblemToLogistics");
        var moved = (string?)before.Rule["Properties"]!["department"] == "rnd" ? "manufacturing" : "rnd";
        Edit("SupplyProblemToLogistics", moved);
        var (differs, diffOutput, _) = await Run("rules", "diff", folder);

        Assert.Equal(1, differs);
        Assert.Contains($"~ rule SupplyProblemToLogistics: department {before.Rule["Properties"]!["department"]} → {moved}", diffOutput);

        var (pushed, pushOutput, pushError) = await Run("rules", "push", folder, "--publish");

        Assert.True(pushed == 0, pushOutput + pushError);
        Assert.Contains("~ rule SupplyProblemToLogistics", pushOutput);
        Assert.Contains("replay of v", pushOutput);
        Assert.Contains($"published v{before.Version + 1} (was v{before.Version})", pushOutput);
        var after = await ActiveRuleAsync("SupplyProblemToLogistics");
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(moved, (string?)after.Rule["Properties"]!["department"]);
        var (again, againOutput, _) = await Run("rules", "push", folder, "--publish");
        Assert.Equal(0, again);
        Assert.StartsWith("no differences from the active version", againOutput);
        Assert.Equal(after.Version, (await ActiveRuleAsync("SupplyProblemToLogistics")).Version);
    }

    [Fact]
    public async Task A_change_beyond_the_rules_is_a_difference_and_files_of_the_wrong_shape_are_said_so()
    {
        await Run("rules", "pull", folder);
        var routing = JsonNode.Parse(System.IO.File.ReadAllText(File("routing.json")))!;
        routing["workflows"]![0]!["GlobalParams"] = new JsonArray(new JsonObject { ["Name"] = "limit", ["Expression"] = "3" });
        System.IO.File.WriteAllText(File("routing.json"), routing.ToJsonString());

        var (code, output, _) = await Run("rules", "diff", folder);

        Assert.Equal(1, code);
        Assert.Contains("~ workflows: changed beyond rules", output);

        routing["workflows"]![0]!["Rules"]![0] = "not a rule";
        System.IO.File.WriteAllText(File("routing.json"), routing.ToJsonString());
        var (shapeCode, shapeOutput, _) = await Run("rules", "diff", folder);

        Assert.Equal(1, shapeCode);
        Assert.Contains("? workflows: not in a ruleset's shape", shapeOutput);
    }

    [Fact]
    public async Task The_key_is_not_sent_in_clear_text_to_another_machine()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await RoutingCli.TryRunAsync(["rules", "pull", folder, "--url", "http://routing.example.com", "--key", RoutingApplication.AdminKey], output, error);

        Assert.Equal(2, code);
        Assert.Contains("use https", error.ToString());
        Assert.False(System.IO.File.Exists(File("routing.json")));
    }

    [Fact]
    public async Task Push_of_a_broken_rule_prints_the_server_s_errors_by_rule_and_stores_nothing()
    {
        await Run("rules", "pull", folder);
        var before = await ActiveRuleAsync("SupplyProblemToLogistics");
        Edit("SupplyProblemToLogistics", "astrology");

        var (code, output, error) = await Run("rules", "push", folder, "--publish");

        Assert.Equal(1, code);
        Assert.Contains("POST /api/rules/versions: 422", error);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("SupplyProblemToLogistics: ") && l.Contains("astrology"));
        Assert.DoesNotContain("drafted", output);
        Assert.Equal(before.Version, (await ActiveRuleAsync("SupplyProblemToLogistics")).Version);
    }

    [Fact]
    public async Task Push_publish_refuses_when_more_replayed_reports_would_go_elsewhere_than_allowed()
    {
        using var client = host.Client();
        await client.SubmitAsync(Reports.Valid(category: "supply"));
        await Run("rules", "pull", folder);
        var before = await ActiveRuleAsync("SupplyProblemToLogistics");
        Edit("SupplyProblemToLogistics", (string?)before.Rule["Properties"]!["department"] == "rnd" ? "manufacturing" : "rnd");

        var (code, output, error) = await Run("rules", "push", folder, "--publish", "--max-changes", "0");

        Assert.Equal(1, code);
        Assert.Matches(@"replay of v\d+ over the last 30 days: \d+ reports, [1-9]\d* would go elsewhere", output);
        Assert.Contains("not published", error);
        Assert.Equal(before.Version, (await ActiveRuleAsync("SupplyProblemToLogistics")).Version);
    }

    [Fact]
    public async Task Without_a_key_the_verbs_say_what_is_missing_as_wrong_usage()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        // An empty key, as a CI secret that is not set gives (ROUTING_KEY, if the machine running the tests has one, would stand in for no --key at all).
        var code = await RoutingCli.TryRunAsync(["rules", "pull", folder, "--url", host.Address.ToString(), "--key", ""], output, error);

        Assert.Equal(2, code);
        Assert.Contains("ROUTING_KEY", error.ToString());
    }

    [Fact]
    public async Task A_wrong_key_is_refused_by_the_server_and_said_so()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await RoutingCli.TryRunAsync(["rules", "pull", folder, "--url", host.Address.ToString(), "--key", "not-a-key-0123456789abcdef"], output, error);

        Assert.Equal(1, code);
        Assert.Contains("GET /api/rules: 401", error.ToString());
        Assert.False(System.IO.File.Exists(File("routing.json")));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
