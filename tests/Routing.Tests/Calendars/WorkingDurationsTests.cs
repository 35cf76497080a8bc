using Routing.Engine.Calendars;
using Routing.Engine.Lifecycles;
using Routing.Engine.WorkItems;
using Routing.Rules.Rulesets;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Calendars;

/// Durations as a new draft may write them, and what a paused item says once it is finished.
public sealed class WorkingDurationsTests
{
    const string Departments = """[ { "id": "rnd", "name": "R&D", "kind": "internal" }, { "id": "triage", "name": "Triage", "kind": "triage" } ]""";

    static string WorkflowsWith(string resolveWithin) => $$"""
        [ { "WorkflowName": "Routing", "Rules": [ { "RuleName": "DesignToRnd", "Expression": "true", "Properties": { "department": "rnd" } } ] },
          { "WorkflowName": "Priority", "Rules": [ { "RuleName": "Band", "Expression": "true", "Properties": { "priority": "P3", "ackWithin": "PT4H", "resolveWithin": "{{resolveWithin}}" } } ] } ]
        """;

    [Theory]
    [InlineData("PT40H", "24 hours or more in hours")] // on 8 h days, 5 working days or 3? Written as days it says which.
    [InlineData("PT1440M", "24 hours or more in hours")]
    [InlineData("P4000D", "longer than 3,660 days")]
    public async Task A_new_draft_writes_whole_days_as_days_and_no_window_of_more_than_ten_years(string resolveWithin, string reason)
    {
        var (ruleset, errors) = await RulesetCompiler.CompileAsync(0, WorkflowsWith(resolveWithin), Departments);

        Assert.Null(ruleset);
        Assert.All(errors, e => Assert.Equal("Band", e.Rule));
        Assert.Contains(errors, e => e.Message.Contains(reason));
    }

    [Theory]
    [InlineData("P1DT16H")]
    [InlineData("PT23H59M")]
    [InlineData("P5D")]
    public async Task Days_and_hours_under_a_day_are_taken(string resolveWithin)
    {
        var (ruleset, errors) = await RulesetCompiler.CompileAsync(0, WorkflowsWith(resolveWithin), Departments);

        Assert.Empty(errors);
        Assert.NotNull(ruleset);
    }

    [Fact]
    public async Task A_lifecycles_own_durations_are_written_as_days_too()
    {
        var lifecycles = TestRules.Part(Path.Combine(TestRules.Shipped, "lifecycles.json"));
        var standard = lifecycles.Single(l => (string)l!["id"]! == "standard")!;
        standard["timedSteps"]!.AsArray().Single(s => (string)s!["name"]! == "follow-up")!["every"] = "PT36H";

        var (ruleset, errors) = await RulesetCompiler.CompileAsync(0, WorkflowsWith("P5D"), Departments, lifecyclesJson: lifecycles.ToJsonString());

        Assert.Null(ruleset);
        var error = Assert.Single(errors);
        Assert.Equal("lifecycles/standard/timedSteps/follow-up", error.Rule);
        Assert.Contains("every 'PT36H' has 24 hours or more in hours", error.Message);
    }

    [Fact]
    public async Task A_version_stored_before_with_hours_past_a_day_still_loads()
    {
        var (ruleset, errors) = await RulesetCompiler.CompileAsync(7, WorkflowsWith("PT40H"), Departments, sampleBudget: Timeout.InfiniteTimeSpan);

        Assert.Empty(errors);
        Assert.NotNull(ruleset);
    }

    [Fact]
    public void A_cancelled_item_that_was_waiting_says_no_pause()
    {
        var lifecycle = TestRules.Lifecycle("supplier-corrective-action");
        var now = TestCalendars.Utc(2026, 11, 30, 9);
        var item = WorkItem.Open(Guid.NewGuid(), "acme-parts", "P2", new(TimeSpan.FromDays(1), TimeSpan.FromDays(7), null, null, Sla.DefaultCalendarTime),
            1, lifecycle, [], null, now);
        item.Enter("CauseProposed", lifecycle);
        item.PausedAt = now;
        Assert.Equal(now, SlaStatus.Of(item, NoCalendars.Instance, now + TimeSpan.FromHours(1)).PausedAt);

        item.Enter("Cancelled", lifecycle);

        var status = SlaStatus.Of(item, NoCalendars.Instance, now + TimeSpan.FromHours(1));
        Assert.Null(status.PausedAt);
    }

    sealed class NoCalendars : IWorkingCalendars
    {
        public static readonly NoCalendars Instance = new();
        public Calendar? Of(string department) => null;
    }
}
