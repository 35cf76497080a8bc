using System.CommandLine;
using System.Text.Json.Nodes;
using Routing.Engine.Rulesets;
using Routing.Rules.Rulesets;

namespace Routing.Host.Cli;

/// Rules kept in git, against a running server with an admin key (RulesServer: --url/--key, or
/// ROUTING_URL/ROUTING_KEY):
///   rules pull FOLDER                  the active version into the folder, one file per part
///   rules diff FOLDER                  the folder against the active version, as the API's diff says it
///   rules push FOLDER [--publish]      a draft from the folder; --publish after the replay's summary
/// Exit code 0: done (diff: no differences); 1: diff found differences, the server refused (its
/// errors, each naming the rule or field, on stdout), publishing was refused (--max-changes) or
/// the server could not be reached; 2: wrong usage.
internal static class RulesGitCli
{
    public static IEnumerable<Command> Commands()
    {
        // Each verb its own: a symbol belongs to one command.
        static Argument<string> Folder() => new("folder") { Description = "A rules folder: routing.json, departments.json, lifecycles.json, calendars.json." };

        var (pullServer, pullFolder) = (RulesServer.Options.Create(), Folder());
        var pull = new Command("pull", "Writes the server's active ruleset version into the folder: one file per part, each naming its schema (schemas/).")
            { pullFolder, pullServer.Url, pullServer.Key };
        pull.SetAction((parsed, ct) => WithServerAsync(parsed, pullServer, server => PullAsync(server, parsed.GetValue(pullFolder)!, parsed.InvocationConfiguration, ct)));

        var (diffServer, diffFolder) = (RulesServer.Options.Create(), Folder());
        var diff = new Command("diff", "What the folder changes against the server's active version: rules, departments, lifecycles and calendars added, removed and changed.")
            { diffFolder, diffServer.Url, diffServer.Key };
        diff.SetAction((parsed, ct) => WithServerAsync(parsed, diffServer, server => DiffAsync(server, parsed.GetValue(diffFolder)!, parsed.InvocationConfiguration, ct)));

        var publish = new Option<bool>("--publish") { Description = "Publish the draft once the replay of recent reports with it has run (and --max-changes holds)." };
        var days = new Option<int>("--replay-days") { Description = "How many days of reports the replay routes again before publishing.", DefaultValueFactory = _ => 30 };
        var maxChanges = new Option<int?>("--max-changes") { Description = "Refuse to publish when more replayed reports than this would go elsewhere (default: no limit)." };
        days.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 366) r.AddError("--replay-days: between 1 and 366."); });
        maxChanges.Validators.Add(r => { if (r.GetValueOrDefault<int?>() < 0) r.AddError("--max-changes: 0 or more."); });
        var (pushServer, pushFolder) = (RulesServer.Options.Create(), Folder());
        var push = new Command("push", "Stores the folder as a draft version (validated by the server); with --publish, replays recent reports with it, prints the summary and publishes.")
            { pushFolder, publish, days, maxChanges, pushServer.Url, pushServer.Key };
        push.SetAction((parsed, ct) => WithServerAsync(parsed, pushServer, server => PushAsync(server, parsed.GetValue(pushFolder)!,
            parsed.GetValue(publish) ? new Publishing(parsed.GetValue(days), parsed.GetValue(maxChanges)) : null, parsed.InvocationConfiguration, ct)));

        return [pull, diff, push];
    }

    sealed record Publishing(int ReplayDays, int? MaxChanges);

    static async Task<int> WithServerAsync(ParseResult parsed, RulesServer.Options options, Func<RulesServer, Task<int>> verb)
    {
        using var server = RulesServer.Open(parsed, options, parsed.InvocationConfiguration.Error);
        return server is null ? 2 : await verb(server);
    }

    static async Task<int> PullAsync(RulesServer server, string folder, InvocationConfiguration io, CancellationToken ct)
    {
        if (await server.SendAsync(HttpMethod.Get, "/api/rules", null, io.Output, io.Error, ct) is not { } active) return 1;
        var written = await RulesFolder.WriteAsync(folder, active, ct);
        await io.Output.WriteLineAsync($"pulled v{active["version"]} into {folder}: {string.Join(", ", written)}");
        return 0;
    }

    static async Task<int> DiffAsync(RulesServer server, string folder, InvocationConfiguration io, CancellationToken ct)
    {
        if (await ReadAsync(folder, io) is not { } draft) return 1;
        if (await server.SendAsync(HttpMethod.Get, "/api/rules", null, io.Output, io.Error, ct) is not { } active) return 1;
        return await PrintDiffAsync(draft, active, folder, io) ? 1 : 0;
    }

    static async Task<int> PushAsync(RulesServer server, string folder, Publishing? publishing, InvocationConfiguration io, CancellationToken ct)
    {
        if (await ReadAsync(folder, io) is not { } draft) return 1;
        if (await server.SendAsync(HttpMethod.Get, "/api/rules", null, io.Output, io.Error, ct) is not { } active) return 1;
        // Pushing the active version again would store a copy and publish nothing new.
        if (!await PrintDiffAsync(draft, active, folder, io)) return 0;
        if (await server.SendAsync(HttpMethod.Post, "/api/rules/versions", draft, io.Output, io.Error, ct) is not { } drafted) return 1;
        var version = drafted["version"]!.GetValue<int>();
        await io.Output.WriteLineAsync($"drafted v{version}");
        if (publishing is null) return 0;

        var to = DateTimeOffset.UtcNow;
        var from = to.AddDays(-publishing.ReplayDays);
        var path = $"/api/rules/versions/{version}/replay?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        if (await server.SendAsync(HttpMethod.Post, path, null, io.Output, io.Error, ct) is not { } replay) return 1;
        var changes = await ReplaySummary.PrintAsync(replay, publishing.ReplayDays, io.Output);
        // A replay stops after its first reports: the ones it left out could be the ones that move.
        if (publishing.MaxChanges is not null && replay["truncated"]?.GetValue<bool>() == true)
        {
            await io.Error.WriteLineAsync($"not published: the replay routed only the first {replay["reports"]} reports of the last {publishing.ReplayDays} days, " +
                $"so --max-changes cannot be checked; try fewer --replay-days. v{version} stays a draft.");
            return 1;
        }
        if (changes > publishing.MaxChanges)
        {
            await io.Error.WriteLineAsync($"not published: {changes} replayed reports would go elsewhere, more than --max-changes {publishing.MaxChanges}. v{version} stays a draft.");
            return 1;
        }
        if (await server.SendAsync(HttpMethod.Post, $"/api/rules/versions/{version}/publish", null, io.Output, io.Error, ct) is not { } published) return 1;
        await io.Output.WriteLineAsync($"published v{published["version"]} (was v{published["previous"]}); due times moved for {published["dueTimesMoved"]} open item(s)");
        return 0;
    }

    static async Task<JsonObject?> ReadAsync(string folder, InvocationConfiguration io)
    {
        var (draft, problems) = await RulesFolder.ReadAsync(folder, CancellationToken.None);
        foreach (var problem in problems) await io.Error.WriteLineAsync(problem);
        return draft;
    }

    /// Prints what the folder changes against the active version, as the API's diff of a draft
    /// says it (the same comparison, RulesetDiff); whether there is anything. Whether anything
    /// changed is decided on the parts' whole JSON: the diff names rules, departments, lifecycles
    /// and calendars, not every member of a workflow (GlobalParams, say).
    static async Task<bool> PrintDiffAsync(JsonObject draft, JsonNode active, string folder, InvocationConfiguration io)
    {
        var activeVersion = active["version"]!.GetValue<int>();
        RulesetVersion Stored(int version, JsonNode parts) => new()
        {
            Version = version,
            WorkflowsJson = parts["workflows"]!.ToJsonString(),
            DepartmentsJson = parts["departments"]!.ToJsonString(),
            // A folder without them keeps the active version's, as a draft without them does.
            LifecyclesJson = (parts["lifecycles"] ?? active["lifecycles"])?.ToJsonString(),
            CalendarsJson = (parts["calendars"] ?? active["calendars"])?.ToJsonString(),
            CreatedBy = folder,
        };
        var changedParts = RulesFile.All.Select(f => f.Part)
            .Where(part => draft[part] is { } mine && !JsonNode.DeepEquals(mine, active[part])).ToList();
        List<string> lines;
        try
        {
            lines = [.. DiffLines(RulesetDiff.Between(Stored(0, draft), Stored(activeVersion, active)))];
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or System.Text.Json.JsonException or InvalidCastException or InvalidOperationException or ArgumentException)
        {
            // Files of the wrong shape (a rule that is a string, say): the server names the place when they are pushed.
            lines = [$"? {string.Join(", ", changedParts)}: not in a ruleset's shape ({e.Message})"];
        }
        if (lines.Count == 0 && changedParts.Count > 0)
            lines = [.. changedParts.Select(part => $"~ {part}: changed beyond rules, departments, lifecycles and calendars (a workflow's own settings, such as GlobalParams, or a name used twice)")];
        await io.Output.WriteLineAsync(lines.Count == 0 ? $"no differences from the active version v{activeVersion}" : $"{folder} against the active version v{activeVersion}:");
        foreach (var line in lines) await io.Output.WriteLineAsync(line);
        return lines.Count > 0;
    }

    static IEnumerable<string> DiffLines(RulesetDiff diff) =>
        Lines("rule", diff.AddedRules, diff.RemovedRules, diff.ChangedRules)
            .Concat(Lines("department", diff.AddedDepartments, diff.RemovedDepartments, diff.ChangedDepartments))
            .Concat(Lines("lifecycle", diff.AddedLifecycles, diff.RemovedLifecycles, diff.ChangedLifecycles))
            .Concat(Lines("calendar", diff.AddedCalendars, diff.RemovedCalendars, diff.ChangedCalendars));

    static IEnumerable<string> Lines(string kind, IReadOnlyList<string> added, IReadOnlyList<string> removed, IReadOnlyList<ChangedEntry> changed) =>
        added.Select(name => $"+ {kind} {name}")
            .Concat(removed.Select(name => $"- {kind} {name}"))
            .Concat(changed.SelectMany(entry => entry.Changes.Select(c => $"~ {kind} {entry.Name}: {c.Field} {c.Before ?? "(none)"} → {c.After ?? "(none)"}")));
}
