using Routing.Tests.Infrastructure;
using System.Text.Json.Nodes;
using Routing.Host.Cli;

namespace Routing.Tests.Rules;

/// `rules validate` checks the lifecycles with the rest: lifecycles.json beside the departments,
/// or the file `--lifecycles` names; each problem on its own line, named by its place.
public sealed class LifecycleCliTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("routing-cli-lifecycles-").FullName;
    static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "rules");

    static async Task<(int? Code, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        var code = await RoutingCli.TryRunAsync(args, output, new StringWriter());
        return (code, output.ToString());
    }

    [Fact]
    public async Task The_shipped_folder_validates_with_its_three_lifecycles()
    {
        var (code, output) = await Run("rules", "validate", Path.Combine(Shipped, "routing.json"), Path.Combine(Shipped, "departments.json"));

        Assert.Equal(0, code);
        Assert.Matches("^valid: 15 rules in 2 workflows, 9 departments, 3 lifecycles, 3 calendars ", output);
    }

    [Fact]
    public async Task A_broken_lifecycle_file_fails_validation_naming_each_place()
    {
        var lifecycles = TestRules.Part(Path.Combine(Shipped, "lifecycles.json"));
        var capa = lifecycles.Single(l => (string)l!["id"]! == "corrective-action")!;
        capa["actions"]!.AsArray().Single(a => (string)a!["name"]! == "contain")!["to"] = "Quarantined";
        capa["timedSteps"]!.AsArray().Single(s => (string)s!["name"]! == "follow-up")!["then"] = "shout";
        var broken = Path.Combine(folder, "capa.json");
        File.WriteAllText(broken, lifecycles.ToJsonString());

        var (code, output) = await Run("rules", "validate", Path.Combine(Shipped, "routing.json"), Path.Combine(Shipped, "departments.json"), "--lifecycles", broken);

        Assert.Equal(1, code);
        Assert.Equal(
        [
            "lifecycles/corrective-action/actions/contain: to 'Quarantined' is not one of its states.",
            "lifecycles/corrective-action/timedSteps/follow-up: then 'shout' is neither an action of the lifecycle nor check.",
        ], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task The_lifecycles_beside_the_departments_are_read_without_the_option()
    {
        foreach (var file in Directory.GetFiles(Shipped, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        // Only the standard lifecycle beside them: manufacturing names one the file does not have.
        var standardOnly = new JsonArray(TestRules.Part(Path.Combine(Shipped, "lifecycles.json"))
            .Single(l => (string)l!["id"]! == "standard")!.DeepClone());
        File.WriteAllText(Path.Combine(folder, "lifecycles.json"), standardOnly.ToJsonString());

        var (code, output) = await Run("rules", "validate", Path.Combine(folder, "routing.json"), Path.Combine(folder, "departments.json"));

        Assert.Equal(1, code);
        Assert.Contains("departments/manufacturing: lifecycle 'corrective-action' is not one of the lifecycles.", output);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
