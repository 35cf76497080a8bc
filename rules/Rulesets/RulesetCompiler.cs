using System.Text.Json;
using System.Text.Json.Serialization;
using RulesEngine.Exceptions;
using RulesEngine.Models;
using Routing.Engine.Calendars;
using Routing.Engine.Departments;
using Routing.Engine.Lifecycles;
using Routing.Engine.Notifications;
using Routing.Engine.Reports;

namespace Routing.Rules.Rulesets;

/// Validates a ruleset completely — every error at once, each naming its rule — and
/// compiles it. RulesEngine reports a broken expression as "not matched", so every rule
/// is executed once here and any exception message counts as an error; then the rules are
/// timed on the largest report there can be.
internal static class RulesetCompiler
{
    const int MaxName = 100;
    const int MaxDescription = 2_000;

    // Unknown fields are errors: a misspelt "Enabled" or "escalateTo" must not be dropped silently.
    static readonly JsonSerializerOptions WorkflowJson = RulesEngineJson.Options;
    internal static readonly JsonSerializerOptions DepartmentJson = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
    // A lifecycle's required parts (id, start, states, a state's name and kind…) are refused when missing or null.
    internal static readonly JsonSerializerOptions LifecycleJson = new(DepartmentJson) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    /// `webhooks`, when given, also refuses webhook URLs that point inside (drafts and the CLI
    /// pass it); a version already stored compiles without it, and deliveries check again anyway.
    /// `sampleBudget`: how long each workflow may take on the largest report there can be
    /// (RuleCostCheck); null for the default, Timeout.InfiniteTimeSpan to skip that timing, as
    /// for a version already stored, whose loading must not depend on how busy the machine is.
    /// `lifecyclesJson` null: the shipped standard lifecycle alone (a version stored before lifecycles were data).
    /// `calendarsJson` null: no calendars (a version stored before calendars were data).
    public static async Task<(CompiledRuleset? Ruleset, IReadOnlyList<RuleError> Errors)> CompileAsync(
        int version, string workflowsJson, string departmentsJson, WebhookAddressPolicy? webhooks = null, TimeSpan? sampleBudget = null,
        string? lifecyclesJson = null, string? calendarsJson = null)
    {
        var errors = new List<RuleError>();
        List<Workflow> workflows = [.. Parse<List<DescribedWorkflow>>(workflowsJson, "workflows", WorkflowJson, errors) ?? []];
        var departments = Parse<List<Department>>(departmentsJson, "departments", DepartmentJson, errors) ?? [];
        var lifecycles = Parse<List<Lifecycle>>(lifecyclesJson ?? ShippedLifecycles.StandardOnlyJson, "lifecycles", LifecycleJson, errors) ?? [];
        var calendarDefinitions = Parse<List<CalendarDefinition?>>(calendarsJson ?? "[]", "calendars", LifecycleJson, errors) ?? [];
        if (errors.Count > 0) return (null, errors);

        CheckDepartments(departments, errors, webhooks);
        CheckLifecycles(lifecycles, departments, errors, written: sampleBudget != Timeout.InfiniteTimeSpan);
        var calendars = CheckCalendars(calendarDefinitions, departments, errors);
        var specs = new Dictionary<string, RouteSpec>();
        foreach (var name in new[] { RoutingWorkflows.Routing, RoutingWorkflows.Priority })
            if (workflows.Count(w => w.WorkflowName == name) != 1)
                errors.Add(new(name, $"the ruleset needs exactly one workflow named '{name}'."));

        var refusals = new RulesEngine.RulesEngine(RulesEngineSettings.Restricted);
        foreach (var workflow in workflows)
        {
            if (string.IsNullOrWhiteSpace(workflow.WorkflowName))
                errors.Add(new("workflows", "every workflow needs a WorkflowName."));
            // Routing runs these two only: any other would be kept and never evaluated.
            else if (workflow.WorkflowName is not (RoutingWorkflows.Routing or RoutingWorkflows.Priority))
                errors.Add(new(workflow.WorkflowName, $"Routing evaluates only the '{RoutingWorkflows.Routing}' and '{RoutingWorkflows.Priority}' workflows: "
                    + $"the rules of '{workflow.WorkflowName}' would never run. Put them in one of those two."));
            else if (workflow.Rules?.Any() != true)
                errors.Add(new(workflow.WorkflowName, "a workflow needs at least one rule."));
            if (workflow is DescribedWorkflow { Description.Length: > MaxDescription })
                errors.Add(new(workflow.WorkflowName ?? "workflows", $"the description has more than {MaxDescription} characters."));
            var globals = RuleFeatures.GlobalsOf(workflow, errors);
            foreach (var rule in workflow.Rules ?? [])
            {
                if (string.IsNullOrWhiteSpace(rule.RuleName))
                {
                    errors.Add(new($"{workflow.WorkflowName}[?]", "every rule needs a RuleName."));
                    continue;
                }
                if (rule.RuleName.Length > MaxName)
                {
                    errors.Add(new($"{workflow.WorkflowName}[?]", $"rule names have at most {MaxName} characters."));
                    continue;
                }
                if (specs.ContainsKey(rule.RuleName))
                {
                    errors.Add(new(rule.RuleName, "rule names must be unique across the ruleset."));
                    continue;
                }
                var found = errors.Count;
                RuleFeatures.Check(rule, globals, errors);
                // RulesEngine's own word only where Routing's checks had none: one reason per mistake.
                if (errors.Count == found && RefusalOf(refusals, rule) is { } refused)
                    errors.Add(new(rule.RuleName, $"RulesEngine refuses the rule: {refused}"));
                var spec = RouteSpec.Parse(rule, errors, written: sampleBudget != Timeout.InfiniteTimeSpan);
                specs[rule.RuleName] = spec;
                CheckNotify(spec, departments, errors);
                if (workflow.WorkflowName == RoutingWorkflows.Routing) CheckRoute(spec, departments, errors);
                if (workflow.WorkflowName == RoutingWorkflows.Priority) CheckBand(spec, errors);
            }
        }
        if (errors.Count > 0) return (null, errors);

        var rulesByCategory = RulesByCategory.Build(workflows);
        RulesEngine.RulesEngine engine;
        try
        {
            engine = new RulesEngine.RulesEngine([.. rulesByCategory.Workflows], RulesEngineSettings.Restricted);
        }
        catch (RuleValidationException e)
        {
            // Every rule was checked alone above; this is the net for what only a whole workflow shows.
            errors.Add(new("workflows", $"RulesEngine refuses the ruleset: {Messages(e)}"));
            return (null, errors);
        }
        await CompileEveryRuleAsync(engine, rulesByCategory, errors);
        if (errors.Count > 0) return (null, errors);
        var budget = sampleBudget ?? RuleCostCheck.DefaultBudget;
        if (budget != Timeout.InfiniteTimeSpan)
            await RuleCostCheck.RunAsync(engine, rulesByCategory, budget, errors);
        if (errors.Count > 0) return (null, errors);

        return (new CompiledRuleset(version, engine, rulesByCategory, departments, specs, workflows, lifecycles, calendars), errors);
    }

    /// What RulesEngine's own validation (run when a workflow is added) says of the rule alone, if anything.
    static string? RefusalOf(RulesEngine.RulesEngine refusals, Rule rule)
    {
        try
        {
            refusals.AddOrUpdateWorkflow(new Workflow { WorkflowName = "probe", Rules = [rule] });
            return null;
        }
        catch (RuleValidationException e)
        {
            return Messages(e);
        }
    }

    static string Messages(RuleValidationException e) =>
        string.Join(" ", e.Errors.Select(f => f.ErrorMessage.TrimEnd('.') + ".").Distinct());

    static T? Parse<T>(string json, string part, JsonSerializerOptions? options, List<RuleError> errors) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, options) ?? throw new JsonException("the document is empty.");
        }
        catch (JsonException e)
        {
            errors.Add(new(part, $"is not valid JSON of the expected shape at {e.Path ?? "$"} (line {e.LineNumber + 1}): {e.Message.Split(" Path:")[0]}"));
            return null;
        }
    }

    static void CheckDepartments(List<Department> departments, List<RuleError> errors, WebhookAddressPolicy? webhooks)
    {
        foreach (var d in departments)
        {
            if (string.IsNullOrWhiteSpace(d.Id) || string.IsNullOrWhiteSpace(d.Name))
                errors.Add(new("departments", "every department needs an id and a name."));
            else if (d.Id.Length > MaxName || d.Name.Length > MaxName || d.Contact?.Length > MaxName || d.Webhook?.Url?.Length > MaxName * 20)
                errors.Add(new("departments", $"ids, names and contacts have at most {MaxName} characters, webhook URLs {MaxName * 20}."));
            else if (!Department.Kinds.Contains(d.Kind))
                errors.Add(new($"departments/{d.Id}", $"kind '{d.Kind}' must be one of {string.Join(", ", Department.Kinds)}."));
        }
        foreach (var d in departments.Where(d => d.Webhook is not null))
        {
            if (!Uri.TryCreate(d.Webhook!.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                errors.Add(new($"departments/{d.Id}", "webhook.url must be an absolute http or https URL."));
            else if (webhooks?.Refuses(d.Webhook.Url) is { } refused)
                errors.Add(new($"departments/{d.Id}", refused));
            CheckWebhookSecrets(d.Id, d.Webhook, errors);
        }
        foreach (var d in departments.Where(d => d.Email is not null)) CheckEmail(d, errors);
        foreach (var d in departments.Where(d => d.EscalateTo is not null && departments.All(x => x.Id != d.EscalateTo)))
            errors.Add(new($"departments/{d.Id}", $"escalateTo names unknown department '{d.EscalateTo}'."));
        foreach (var id in departments.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key))
            errors.Add(new($"departments/{id}", "department ids must be unique."));
        if (departments.Count(d => d.Kind == Department.Triage) != 1)
            errors.Add(new("departments", "exactly one department must be of kind 'triage': unmatched reports go there."));
    }

    /// A department that subscribes to e-mail: its contact is the address, and it names known events or digests.
    static void CheckEmail(Department d, List<RuleError> errors)
    {
        if (!EmailAddress.IsValid(d.Contact))
            errors.Add(new($"departments/{d.Id}", "email: the department's contact must be an e-mail address (name@example.com) to subscribe to e-mail."));
        // A list pattern, not FirstOrDefault: a null in the list is unknown too, and FirstOrDefault's null would read as "none".
        if (d.Email!.Events?.Where(e => !NotificationEvents.All.Contains(e)).ToList() is [var unknown, ..])
            errors.Add(new($"departments/{d.Id}", $"email.events names '{unknown ?? "null"}': the events are {string.Join(", ", NotificationEvents.All)}."));
        if (d.Email.Digest is { } digest && !EmailSubscription.Digests.Contains(digest))
            errors.Add(new($"departments/{d.Id}", $"email.digest is '{digest}': it must be one of {string.Join(", ", EmailSubscription.Digests)}."));
    }

    /// The current secret and each previous one in a form that signs (WebhookSecret); a previous
    /// secret says until when it still signs.
    static void CheckWebhookSecrets(string id, Webhook webhook, List<RuleError> errors)
    {
        if (WebhookSecret.Refuses(webhook.Secret, "webhook.secret") is { } refused) errors.Add(new($"departments/{id}", refused));
        foreach (var (previous, i) in (webhook.PreviousSecrets ?? []).Select((p, i) => (p, i)))
        {
            if (previous is null) errors.Add(new($"departments/{id}", $"webhook.previousSecrets[{i}] must be an object with secret and until."));
            else if (WebhookSecret.Refuses(previous.Secret, $"webhook.previousSecrets[{i}].secret") is { } old) errors.Add(new($"departments/{id}", old));
            else if (previous.Until == default)
                errors.Add(new($"departments/{id}", $"webhook.previousSecrets[{i}].until is required: the time (ISO 8601) until which that secret still signs."));
        }
    }

    /// Each lifecycle sound (LifecycleCheck), ids unique, and every department's lifecycle there.
    static void CheckLifecycles(List<Lifecycle> lifecycles, List<Department> departments, List<RuleError> errors, bool written)
    {
        if (lifecycles.Contains(null!))
        {
            errors.Add(new("lifecycles", "a lifecycle is null: each is an object with an id, a start, states and actions."));
            return;
        }
        foreach (var lifecycle in lifecycles)
        {
            errors.AddRange(LifecycleCheck.Problems(lifecycle).Select(p => new RuleError(p.Place, p.Message)));
            // As for the rules' windows, in what is written now (a version stored before still loads).
            foreach (var step in written ? lifecycle.Steps.OfType<TimedStep>() : [])
                foreach (var (name, text) in new[] { ("after", step.After), ("every", step.Every) })
                    if (text is not null && RouteSpec.HoursPastADay(text))
                        errors.Add(new($"lifecycles/{lifecycle.Id}/timedSteps/{step.Name}", $"{name} '{text}' has 24 hours or more in hours: "
                            + "write whole days as days (P2D, P1DT4H). On a department's calendar a day is one working day."));
        }
        foreach (var id in lifecycles.GroupBy(l => l.Id).Where(g => g.Count() > 1).Select(g => g.Key))
            errors.Add(new($"lifecycles/{id}", "lifecycle ids must be unique."));
        foreach (var d in departments.Where(d => lifecycles.All(l => l.Id != d.LifecycleId)))
            errors.Add(new($"departments/{d.Id}", d.Lifecycle is null
                ? $"names no lifecycle and there is no '{Lifecycle.Standard}' one to follow."
                : $"lifecycle '{d.Lifecycle}' is not one of the lifecycles."));
    }

    /// Each calendar sound (CalendarCheck) and every department's calendar there.
    static List<Calendar> CheckCalendars(List<CalendarDefinition?> definitions, List<Department> departments, List<RuleError> errors)
    {
        var (calendars, problems) = CalendarCheck.Build(definitions);
        errors.AddRange(problems.Select(p => new RuleError(p.Place, p.Message)));
        foreach (var d in departments.Where(d => d.Calendar is not null && definitions.All(c => c?.Id != d.Calendar)))
            errors.Add(new($"departments/{d.Id}", $"calendar '{d.Calendar}' is not one of the calendars."));
        return calendars;
    }

    static void CheckRoute(RouteSpec spec, List<Department> departments, List<RuleError> errors)
    {
        bool Known(string? id) => departments.Any(d => d.Id == id);
        if (spec.Department is null)
            errors.Add(new(spec.RuleName, "a routing rule needs a 'department' property."));
        else if (spec.Department == RoutingWorkflows.VendorPlaceholder)
        {
            if (!Known(spec.FallbackDepartment))
                errors.Add(new(spec.RuleName, $"a '{RoutingWorkflows.VendorPlaceholder}' route needs a 'fallbackDepartment' that exists."));
        }
        else if (!Known(spec.Department))
            errors.Add(new(spec.RuleName, $"department '{spec.Department}' is not in the departments list."));
    }

    static void CheckNotify(RouteSpec spec, List<Department> departments, List<RuleError> errors)
    {
        foreach (var id in spec.Notify.Where(id => departments.All(d => d.Id != id)))
            errors.Add(new(spec.RuleName, $"notify names unknown department '{(id.Length > MaxName ? id[..MaxName] + "…" : id)}'."));
    }

    static void CheckBand(RouteSpec spec, List<RuleError> errors)
    {
        if (spec.Priority is null || spec.AckWithin is null || spec.ResolveWithin is null)
            errors.Add(new(spec.RuleName, "a priority rule needs 'priority', 'ackWithin' and 'resolveWithin'."));
    }

    /// Runs every split workflow once, which also compiles all of them before the first report.
    /// A rule sits in several split workflows: its error is listed once.
    static async Task CompileEveryRuleAsync(RulesEngine.RulesEngine engine, RulesByCategory rulesByCategory, List<RuleError> errors)
    {
        var sample = new RuleParameter(RoutingWorkflows.ReportParameter, new ReportFacts());
        var found = new List<RuleError>();
        foreach (var workflow in rulesByCategory.Workflows)
        {
            List<RuleResultTree> results;
            try
            {
                results = await engine.ExecuteAllRulesAsync(workflow.WorkflowName, sample);
            }
            catch (Exception e)
            {
                found.Add(new(rulesByCategory.SourceOf(workflow.WorkflowName), $"the workflow does not compile: {e.Message}"));
                continue;
            }
            found.AddRange(results
                .Where(r => RuleResults.FailureOf(r) is not null)
                .Select(r => new RuleError(r.Rule.RuleName, $"the expression does not compile: {RuleResults.FailureOf(r)}")));
        }
        errors.AddRange(found.Distinct());
    }
}
