using Routing.Host.Cli;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Rules;

/// `dotnet run --project host -- rules validate|simulate …` for admins who keep rules in git.
public sealed class RulesCliTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("routing-cli-").FullName;
    static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "rules");
    readonly string departments = Path.Combine(Shipped, "departments.json");
    readonly string routing = Path.Combine(Shipped, "routing.json");

    static async Task<(int? Code, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        var code = await RoutingCli.TryRunAsync(args, output, new StringWriter());
        return (code, output.ToString());
    }

    [Fact]
    public async Task Validate_passes_the_shipped_rules()
    {
        var (code, output) = await Run("--contentRoot", "/somewhere", "rules", "validate", routing, departments);
        Assert.Equal(0, code);
        Assert.StartsWith("valid: 15 rules", output);
    }

    [Fact]
    public async Task Validate_reads_a_rules_folder_of_bare_arrays_as_written_before_files_named_their_schema()
    {
        foreach (var file in new[] { "routing.json", "departments.json", "lifecycles.json", "calendars.json" })
            File.WriteAllText(Path.Combine(folder, file), TestRules.PartJson(Path.Combine(Shipped, file)));

        var (code, output) = await Run("rules", "validate", Path.Combine(folder, "routing.json"), Path.Combine(folder, "departments.json"));

        Assert.Equal(0, code);
        Assert.StartsWith("valid: 15 rules in 2 workflows, 9 departments, 3 lifecycles, 3 calendars", output);
    }

    [Fact]
    public async Task Validate_names_a_file_that_holds_something_besides_its_schema_and_its_part()
    {
        var broken = Path.Combine(folder, "departments.json");
        File.WriteAllText(broken, File.ReadAllText(departments).Replace("\"departments\":", "\"depts\":"));

        var (code, output) = await Run("rules", "validate", routing, broken, "--lifecycles", Path.Combine(Shipped, "lifecycles.json"));

        Assert.Equal(1, code);
        Assert.StartsWith("departments: departments.json holds \"$schema\" and \"departments\"; 'depts' is not known.", output);
    }

    [Fact]
    public async Task Validate_fails_with_one_line_per_error_naming_the_rule()
    {
        var broken = Path.Combine(folder, "routing.json");
        File.WriteAllText(broken, File.ReadAllText(routing)
            .Replace("\"department\": \"logistics\"", "\"department\": \"astrology\"")
            .Replace("\"priority\": \"P4\"", "\"priority\": \"P0\""));

        var (code, output) = await Run("rules", "validate", broken, departments);

        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("SupplyProblemToLogistics: ") && l.Contains("astrology"));
        Assert.Contains(lines, l => l.StartsWith("LowSeverity: "));
    }

    [Fact]
    public async Task Validate_refuses_a_webhook_pointing_inside_unless_the_settings_allow_it()
    {
        var metadata = Path.Combine(folder, "departments.json");
        File.Copy(Path.Combine(Shipped, "lifecycles.json"), Path.Combine(folder, "lifecycles.json"));
        File.WriteAllText(metadata, File.ReadAllText(departments).Replace("{ \"id\": \"logistics\",",
            "{ \"webhook\": { \"url\": \"http://169.254.169.254/latest\", \"secret\": \"0123456789abcdef\" }, \"id\": \"logistics\","));

        // The lifecycles the departments name are beside the shipped departments, not this copy.
        var lifecycles = Path.Combine(Shipped, "lifecycles.json");
        var (code, output) = await Run("rules", "validate", routing, metadata, "--lifecycles", lifecycles);
        var (allowedCode, _) = await Run("rules", "validate", routing, metadata, "--lifecycles", lifecycles, "--allow-webhook-host", "169.254.169.254");

        Assert.Equal(1, code);
        Assert.StartsWith("departments/logistics: webhook.url points at an internal address", output);
        Assert.Equal(0, allowedCode);
    }

    [Fact]
    public async Task Validate_fails_for_a_rule_with_an_Operator_and_no_nested_rules_naming_it_and_why()
    {
        var broken = Path.Combine(folder, "routing.json");
        var workflows = TestRules.Part(routing);
        workflows.SelectMany(w => w!["Rules"]!.AsArray()).Single(r => (string)r!["RuleName"]! == "DesignFlawToRnd")!["Operator"] = "And";
        File.WriteAllText(broken, workflows.ToJsonString());

        var (code, output) = await Run("rules", "validate", broken, departments);

        Assert.Equal(1, code);
        Assert.StartsWith("DesignFlawToRnd: the Operator 'And' joins nested Rules, and this rule has none", output);
    }

    [Fact]
    public async Task Simulate_prints_the_routes_and_every_rule()
    {
        var report = Path.Combine(folder, "report.json");
        File.WriteAllText(report, Routing.Tests.Infrastructure.Reports.Valid("quality", "critical").ToJsonString());

        var (code, output) = await Run("rules", "simulate", routing, departments, report);

        Assert.Equal(0, code);
        Assert.Contains("manufacturing: P1, acknowledge within PT4H, resolve within P3D (QualityDefectToManufacturing)", output);
        Assert.Contains("notify: sales", output);
        Assert.Contains("Routing/SupplyProblemToLogistics: not matched", output);
    }

    [Fact]
    public async Task Wrong_usage_is_exit_code_2_and_no_verb_starts_the_host()
    {
        Assert.Equal(2, (await Run("rules", "frobnicate")).Code);
        Assert.Null((await Run("--urls", "http://localhost:5080")).Code);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
