using System.CommandLine;
using System.Text.Json;
using System.Xml;
using Microsoft.Extensions.Logging.Abstractions;
using Routing.Engine.Notifications;
using Routing.Engine.Reports;
using Routing.Rules.Rulesets;

namespace Routing.Host.Cli;

/// Offline rule checks for admins who keep rules in git:
///   rules validate ROUTING.json DEPARTMENTS.json [--lifecycles LIFECYCLES.json]
///   rules simulate ROUTING.json DEPARTMENTS.json REPORT.json [--lifecycles LIFECYCLES.json]
///   rules schema [FOLDER]   (the ruleset's schema on stdout; or it and each file's schema written into FOLDER)
/// The lifecycles default to lifecycles.json beside the departments, when there is one.
/// Exit code 0: valid; 1: invalid (one error per line on stdout, naming the rule; a file that
/// cannot be read or a report that is not valid on stderr); 2: wrong usage.
internal static class RulesCli
{
    public static Command Command()
    {
        var (routing, departments) = (new Argument<string>("routing") { Description = "The workflows (RulesEngine JSON), e.g. rules/routing.json." },
            new Argument<string>("departments") { Description = "The departments, e.g. rules/departments.json." });
        var allow = new Option<string[]>("--allow-webhook-host")
        {
            Description = "A webhook host, IP address or CIDR range to allow beyond the public internet (repeat it for several), " +
                          "besides those the host's settings allow (Routing:Webhooks:AllowedHosts).",
            Recursive = true,
        };
        var lifecycles = new Option<string?>("--lifecycles")
        {
            Description = "The lifecycles, e.g. rules/lifecycles.json (default: lifecycles.json beside the departments, if any; else the standard one alone).",
            Recursive = true,
        };
        WebhookAddressPolicy Webhooks(ParseResult parsed) => new([.. AllowedBySettings(parsed), .. parsed.GetValue(allow) ?? []]);

        var validate = new Command("validate", "Compiles and runs every rule once; prints one error per line, naming the rule.") { routing, departments };
        validate.SetAction((parsed, _) => ValidateAsync(parsed.GetValue(routing)!, parsed.GetValue(departments)!, parsed.GetValue(lifecycles), Webhooks(parsed),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));

        var report = new Argument<string>("report") { Description = "A report as POST /api/reports takes it." };
        var simulate = new Command("simulate", "Routes a report with these rules: its routes, and what each rule did.") { routing, departments, report };
        simulate.SetAction((parsed, _) => SimulateAsync(parsed.GetValue(routing)!, parsed.GetValue(departments)!, parsed.GetValue(lifecycles), parsed.GetValue(report)!,
            Webhooks(parsed), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));

        var into = new Argument<string?>("folder") { Description = "A rules folder: writes ruleset.schema.json and schemas/*.schema.json there.", Arity = ArgumentArity.ZeroOrOne };
        var schema = new Command("schema", "Prints the ruleset's JSON Schema; given a rules folder, writes it and each file's schema there (rules schema rules).") { into };
        schema.SetAction(async (parsed, _) =>
        {
            if (parsed.GetValue(into) is not { } folder)
            {
                await parsed.InvocationConfiguration.Output.WriteAsync(RulesetSchema.Text.Value);
                return 0;
            }
            await File.WriteAllTextAsync(Path.Combine(folder, "ruleset.schema.json"), RulesetSchema.Text.Value);
            await RulesFolder.WriteSchemasAsync(folder);
            return 0;
        });

        var rules = new Command("rules", "Rule files kept in git: checked offline (validate, simulate, schema), or pulled from, compared with and pushed to a server (pull, diff, push).")
            { validate, simulate, schema, allow, lifecycles };
        foreach (var verb in RulesGitCli.Commands()) rules.Subcommands.Add(verb);
        RoutingCli.ShowsHelpAlone(rules);
        return rules;
    }

    static async Task<int> ValidateAsync(string routingFile, string departmentsFile, string? lifecyclesFile, WebhookAddressPolicy webhooks, TextWriter output, TextWriter error)
    {
        var started = TimeProvider.System.GetTimestamp();
        if (await CompileAsync(routingFile, departmentsFile, lifecyclesFile, webhooks, output, error) is not { } ruleset) return 1;
        var rules = ruleset.Workflows.Sum(w => w.Rules?.Count() ?? 0);
        await output.WriteLineAsync($"valid: {rules} rules in {ruleset.Workflows.Count} workflows, " +
            $"{ruleset.Departments.Count} departments, {ruleset.Lifecycles.Count} lifecycles, {ruleset.Calendars.Count} calendars ({TimeProvider.System.GetElapsedTime(started).TotalMilliseconds:F0} ms)");
        return 0;
    }

    static async Task<int> SimulateAsync(string routingFile, string departmentsFile, string? lifecyclesFile, string reportFile, WebhookAddressPolicy webhooks, TextWriter output, TextWriter error)
    {
        if (await CompileAsync(routingFile, departmentsFile, lifecyclesFile, webhooks, output, error) is not { } ruleset) return 1;
        ReportSubmission? submission;
        try
        {
            submission = JsonSerializer.Deserialize<ReportSubmission>(await File.ReadAllTextAsync(reportFile), JsonBody.Options);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return Fail(error, $"{reportFile}: {e.Message}", 1);
        }
        switch (await RulesetSimulator.SimulateAsync(ruleset, submission, TimeProvider.System, NullLogger.Instance))
        {
            case SimulationOutcome.Done { Evaluation: var evaluation }:
                foreach (var route in evaluation.Decision.Routes) await output.WriteLineAsync(Describe(route));
                if (evaluation.Decision.Notify.Count > 0) await output.WriteLineAsync($"notify: {string.Join(", ", evaluation.Decision.Notify)}");
                foreach (var (rule, indent) in Flattened(evaluation.Rules, "  "))
                    await output.WriteLineAsync($"{indent}{rule.Workflow}/{rule.Rule}: {Describe(rule)}");
                return 0;
            case SimulationOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                    foreach (var message in messages) await error.WriteLineAsync($"{field}: {message}");
                return 1;
            default:
                return Fail(error, $"{reportFile}: not a report", 1);
        }
    }

    static async Task<CompiledRuleset?> CompileAsync(
        string routingFile, string departmentsFile, string? lifecyclesFile, WebhookAddressPolicy webhooks, TextWriter output, TextWriter error)
    {
        string workflows, departments;
        string? lifecycles = null, calendars = null;
        var calendarsFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(departmentsFile))!, Routing.Rules.RulesOptions.CalendarsFile);
        lifecyclesFile ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(departmentsFile))!, Routing.Rules.RulesOptions.LifecyclesFile) is var beside
            && File.Exists(beside) ? beside : null;
        try
        {
            workflows = await File.ReadAllTextAsync(routingFile);
            departments = await File.ReadAllTextAsync(departmentsFile);
            if (lifecyclesFile is not null) lifecycles = await File.ReadAllTextAsync(lifecyclesFile);
            // Calendars beside the departments, as the host reads them from its rules folder.
            if (File.Exists(calendarsFile)) calendars = await File.ReadAllTextAsync(calendarsFile);
        }
        catch (IOException e)
        {
            Fail(error, e.Message, 1);
            return null;
        }
        // Each file as the host's rules folder holds it: { "$schema", "<part>": [ … ] }, or the bare array.
        List<RuleError> unread = [];
        string? Part(RulesFile file, string? text)
        {
            if (text is null) return null;
            var (json, problem) = file.Read(text);
            if (problem is not null) unread.Add(problem);
            return json;
        }
        (workflows, departments) = (Part(RulesFile.Workflows, workflows)!, Part(RulesFile.Departments, departments)!);
        (lifecycles, calendars) = (Part(RulesFile.Lifecycles, lifecycles), Part(RulesFile.Calendars, calendars));
        foreach (var problem in unread) await output.WriteLineAsync($"{problem.Rule}: {problem.Message}");
        if (unread.Count > 0) return null;
        var (ruleset, errors) = await RulesetCompiler.CompileAsync(0, workflows, departments, webhooks, lifecyclesJson: lifecycles, calendarsJson: calendars);
        foreach (var problem in errors) await output.WriteLineAsync($"{problem.Rule}: {problem.Message}");
        return ruleset;
    }

    static string Describe(Routing.Engine.Intake.Route r) =>
        $"{r.Department}: {r.Priority}, acknowledge within {XmlConvert.ToString(r.AckWithin)}, resolve within " +
        $"{XmlConvert.ToString(r.ResolveWithin)} ({(r.MatchedRules.Count == 0 ? "no rule matched" : string.Join(", ", r.MatchedRules))})" +
        (r.Reason is { } reason ? $": {reason}" : "");

    static string Describe(RuleOutcome rule) =>
        rule.Error is { } e ? $"error: {e}"
        : !rule.Enabled ? "skipped (Enabled: false)"
        : rule.Matched ? "matched" + (rule.Reason is { } reason ? $": {reason}" : "")
        : "not matched";

    /// Rules with their nested rules under them, indented.
    static IEnumerable<(RuleOutcome Rule, string Indent)> Flattened(IEnumerable<RuleOutcome> rules, string indent) =>
        rules.SelectMany(r => new[] { (r, indent) }.Concat(Flattened(r.Rules ?? [], indent + "  ")));

    /// The webhook hosts the host itself would allow: its appsettings.json and the environment
    /// (`Routing__Webhooks__AllowedHosts__0=…`).
    static List<string> AllowedBySettings(ParseResult parsed) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(parsed.GetValue(RoutingCli.ContentRoot) ?? Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build().GetSection(WebhookOptions.Section).Get<WebhookOptions>()?.AllowedHosts ?? [];

    static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine(message);
        return code;
    }
}
