using System.Text.Json;
using System.Xml;
using Microsoft.Extensions.Logging.Abstractions;
using Routing.Engine.Intake;
using Routing.Engine.Notifications;
using Routing.Engine.Reports;
using Routing.Rules.Rulesets;

namespace Routing.Host.Cli;

/// Offline rule checks for admins who keep rules in git:
///   rules validate ROUTING.json DEPARTMENTS.json
///   rules simulate ROUTING.json DEPARTMENTS.json REPORT.json
/// Exit code 0: valid; 1: invalid (one error per line, naming the rule); 2: wrong usage.
internal static class RulesCli
{
    const string Usage = "usage: rules validate ROUTING.json DEPARTMENTS.json | rules simulate ROUTING.json DEPARTMENTS.json REPORT.json";

    /// Null when the arguments ask for no CLI verb (then the host serves HTTP).
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output)
    {
        var words = Positional(args);
        if (words.Count == 0 || words[0] != "rules") return null;
        return words switch
        {
            [_, "validate", var routing, var departments] => await ValidateAsync(routing, departments, Webhooks(args), output),
            [_, "simulate", var routing, var departments, var report] => await SimulateAsync(routing, departments, report, Webhooks(args), output),
            _ => Fail(output, Usage, 2),
        };
    }

    /// The webhook addresses the host would allow, from the same settings it reads
    /// (appsettings.json, Routing__Webhooks__AllowedHosts__0=…, --Routing:Webhooks:AllowedHosts:0 …).
    static WebhookAddressPolicy Webhooks(string[] args) => new(new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine([.. Options(args)])
        .Build().GetSection(WebhookOptions.Section).Get<WebhookOptions>()?.AllowedHosts ?? []);

    static async Task<int> ValidateAsync(string routingFile, string departmentsFile, WebhookAddressPolicy webhooks, TextWriter output)
    {
        var started = TimeProvider.System.GetTimestamp();
        if (await CompileAsync(routingFile, departmentsFile, webhooks, output) is not { } ruleset) return 1;
        var rules = ruleset.Workflows.Sum(w => w.Rules?.Count() ?? 0);
        await output.WriteLineAsync($"valid: {rules} rules in {ruleset.Workflows.Count} workflows, " +
            $"{ruleset.Departments.Count} departments ({TimeProvider.System.GetElapsedTime(started).TotalMilliseconds:F0} ms)");
        return 0;
    }

    static async Task<int> SimulateAsync(string routingFile, string departmentsFile, string reportFile, WebhookAddressPolicy webhooks, TextWriter output)
    {
        if (await CompileAsync(routingFile, departmentsFile, webhooks, output) is not { } ruleset) return 1;
        ReportSubmission? submission;
        try
        {
            submission = JsonSerializer.Deserialize<ReportSubmission>(await File.ReadAllTextAsync(reportFile), JsonBody.Options);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return Fail(output, $"{reportFile}: {e.Message}", 1);
        }
        if (submission is null) return Fail(output, $"{reportFile}: not a report", 1);
        var errors = new ReportValidator(TimeProvider.System).Validate(submission);
        if (errors.Count > 0)
        {
            foreach (var (field, messages) in errors)
                foreach (var message in messages) await output.WriteLineAsync($"report.{field}: {message}");
            return 1;
        }

        var evaluation = await ruleset.EvaluateAsync(ReportFacts.From(ReportFactory.Create(submission, TimeProvider.System.GetUtcNow())), NullLogger.Instance);
        foreach (var route in evaluation.Decision.Routes) await output.WriteLineAsync(Describe(route));
        if (evaluation.Decision.Notify.Count > 0) await output.WriteLineAsync($"notify: {string.Join(", ", evaluation.Decision.Notify)}");
        foreach (var rule in evaluation.Rules)
            await output.WriteLineAsync($"  {rule.Workflow}/{rule.Rule}: {(rule.Error is { } e ? $"error: {e}" : rule.Matched ? "matched" : "not matched")}");
        return 0;
    }

    static async Task<CompiledRuleset?> CompileAsync(string routingFile, string departmentsFile, WebhookAddressPolicy webhooks, TextWriter output)
    {
        string workflows, departments;
        try
        {
            workflows = await File.ReadAllTextAsync(routingFile);
            departments = await File.ReadAllTextAsync(departmentsFile);
        }
        catch (IOException e)
        {
            Fail(output, e.Message, 1);
            return null;
        }
        var (ruleset, errors) = await RulesetCompiler.CompileAsync(0, workflows, departments, webhooks);
        foreach (var error in errors) await output.WriteLineAsync($"{error.Rule}: {error.Message}");
        return ruleset;
    }

    static string Describe(Routing.Engine.Intake.Route r) =>
        $"{r.Department}: {r.Priority}, acknowledge within {XmlConvert.ToString(r.AckWithin)}, resolve within " +
        $"{XmlConvert.ToString(r.ResolveWithin)} ({(r.MatchedRules.Count == 0 ? "no rule matched" : string.Join(", ", r.MatchedRules))})";

    static int Fail(TextWriter output, string message, int code)
    {
        output.WriteLine(message);
        return code;
    }

    /// The `--name value` and `--name=value` options of the command line.
    static IEnumerable<string> Options(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            yield return args[i];
            if (!args[i].Contains('=') && i + 1 < args.Length) yield return args[++i];
        }
    }

    /// The words of the command line without `--name value` options (dotnet run adds --contentRoot).
    static List<string> Positional(string[] args)
    {
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal)) { if (!args[i].Contains('=')) i++; continue; }
            words.Add(args[i]);
        }
        return words;
    }
}
