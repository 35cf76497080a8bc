using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Lifecycles;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Rules;

/// Each refusal of a lifecycle, named by its place; a sound lifecycle, and each shipped one, passes.
public sealed class LifecycleCheckTests
{
    const string At = "lifecycles/t";

    /// A small sound lifecycle each test breaks in one place.
    static Lifecycle Sound() => new(
        "t", "Routed",
        [
            new("Routed", "open", "ack"),
            new("Working", "open"),
            new("Resolved", "waiting"),
            new("Reopened", "open", "ack"),
            new("Verified", "final"),
        ],
        [
            new("start", ["Routed", "Reopened"], "Working"),
            new("resolve", ["Working"], "Resolved", Fields: [new("summary", "text"), new("method", "choice", Choices: ["5-whys", "other"])]),
            new("escalate", ["Routed", "Working"], By: "timer"),
            new("verify", ["Resolved"], "Verified", By: "timer"),
            new("reopen", ["Resolved"], "Reopened", By: "timer"),
        ],
        [
            new("follow-up", ["Routed"], "escalate", At: "ackDueAt", Remind: 1, Every: "followUpEvery"),
            new("resolution-check", ["Resolved"], "check", After: "P14D"),
        ]);

    static Lifecycle WithAction(Lifecycle l, string name, Func<LifecycleAction, LifecycleAction> change) =>
        l with { Actions = [.. l.Actions.Select(a => a.Name == name ? change(a) : a)] };

    static Lifecycle WithStep(Lifecycle l, string name, Func<TimedStep, TimedStep> change) =>
        l with { TimedSteps = [.. l.Steps.Select(s => s.Name == name ? change(s) : s)] };

    static LifecycleField Field(Lifecycle l, string action, string field) => l.Action(action)!.Required.Single(f => f.Name == field);

    static Lifecycle WithField(Lifecycle l, string action, string field, LifecycleField changed) => WithAction(l, action,
        a => a with { Fields = [.. a.Required.Select(f => f.Name == field ? changed : f)] });

    /// The one problem the lifecycle has: its place and (a part of) its message.
    static void Refused(Lifecycle lifecycle, string place, string message)
    {
        var problem = Assert.Single(LifecycleCheck.Problems(lifecycle));
        Assert.Equal(place, problem.Place);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void The_sound_lifecycle_has_no_problem() => Assert.Empty(LifecycleCheck.Problems(Sound()));

    [Theory]
    [InlineData("Node")]
    [InlineData("start")]
    [InlineData("End")]
    public void A_state_named_as_the_drawings_own_words_is_refused(string name)
    {
        var sound = Sound();
        var renamed = sound with { States = [.. sound.States.Select(s => s.Name == "Working" ? s with { Name = name } : s)],
            Actions = [.. sound.Actions.Select(a => a with { From = [.. a.From.Select(f => f == "Working" ? name : f)], To = a.To == "Working" ? name : a.To })] };
        Refused(renamed, $"{At}/states/{name}", "the drawings keep for themselves");
    }

    [Fact]
    public void A_blank_label_is_refused() =>
        Refused(WithAction(Sound(), "start", a => a with { Label = " " }), $"{At}/actions/start", "label must be some words");

    [Theory]
    [InlineData("P99999Y")]
    [InlineData("P9000Y")]
    public void A_duration_beyond_any_due_time_is_refused(string after) =>
        Refused(WithStep(Sound(), "resolution-check", s => s with { After = after }), $"{At}/timedSteps/resolution-check", "is not an ISO 8601 duration");

    [Fact]
    public void A_cancel_that_does_not_end_the_item_is_refused() =>
        Refused(Sound() with { Actions = [.. Sound().Actions, new("cancel", ["Routed"], "Working")] }, $"{At}/actions/cancel", "must be a final state");

    [Fact]
    public void A_state_left_only_by_a_timer_action_no_timed_step_takes_is_refused()
    {
        var sound = Sound();
        var stuck = sound with
        {
            States = [.. sound.States, new("Parked", "waiting")],
            Actions = [.. sound.Actions.Select(a => a.Name == "start" ? a with { From = [.. a.From, "Working"], To = "Parked" } : a),
                new("unpark", ["Parked"], "Working", By: "timer")],
        };
        Refused(stuck, $"{At}/states/Parked", "has no way out but is not final");
    }

    [Theory]
    [InlineData("standard")]
    [InlineData("corrective-action")]
    [InlineData("supplier-corrective-action")]
    public void Each_shipped_lifecycle_passes(string id) => Assert.Empty(LifecycleCheck.Problems(TestRules.Lifecycle(id)));

    [Fact]
    public void An_unknown_state_in_from_is_refused() =>
        Refused(WithAction(Sound(), "start", a => a with { From = ["Routed", "Nowhere"] }), $"{At}/actions/start", "from 'Nowhere' is not one of its states");

    [Fact]
    public void An_unknown_state_in_to_is_refused() =>
        Refused(WithAction(Sound(), "start", a => a with { To = "Nowhere" }), $"{At}/actions/start", "to 'Nowhere' is not one of its states");

    [Fact]
    public void An_unknown_start_is_refused() =>
        Refused(Sound() with { Start = "Nowhere" }, $"{At}/start", "'Nowhere' is not one of its states");

    [Fact]
    public void An_unknown_state_in_a_timed_step_is_refused() =>
        Refused(WithStep(Sound(), "follow-up", s => s with { In = ["Routed", "Nowhere"] }), $"{At}/timedSteps/follow-up", "in 'Nowhere' is not one of its states");

    [Fact]
    public void An_unreachable_state_is_refused()
    {
        var lifecycle = Sound() with { States = [.. Sound().States, new("Limbo", "open")] };
        lifecycle = lifecycle with { Actions = [.. lifecycle.Actions, new("leave-limbo", ["Limbo"], "Working")] };
        Refused(lifecycle, $"{At}/states/Limbo", "is unreachable: no action leads to it from Routed");
    }

    [Fact]
    public void A_state_that_is_not_final_with_no_way_out_is_refused()
    {
        var lifecycle = Sound() with { States = [.. Sound().States, new("Stuck", "open")] };
        lifecycle = lifecycle with { Actions = [.. lifecycle.Actions, new("get-stuck", ["Working"], "Stuck")] };
        Refused(lifecycle, $"{At}/states/Stuck", "has no way out but is not final");
        // An action that keeps the item where it is (an escalation) is no way out.
        Refused(WithAction(lifecycle, "escalate", a => a with { From = [.. a.From, "Stuck"] }), $"{At}/states/Stuck", "has no way out but is not final");
    }

    [Fact]
    public void A_lifecycle_with_no_final_state_is_refused()
    {
        var lifecycle = Sound() with { States = [.. Sound().States.Select(s => s.Kind == "final" ? s with { Kind = "open" } : s)] };
        Refused(lifecycle, $"{At}/states", "a lifecycle needs a final state");
    }

    [Fact]
    public void An_action_named_twice_is_refused() =>
        Refused(Sound() with { Actions = [.. Sound().Actions, new("start", ["Working"], "Resolved")] }, $"{At}/actions/start", "is named twice");

    [Fact]
    public void A_field_named_twice_is_refused() =>
        Refused(WithAction(Sound(), "resolve", a => a with { Fields = [.. a.Required, new("summary", "list")] }),
            $"{At}/actions/resolve/fields/summary", "is named twice");

    [Fact]
    public void A_state_named_twice_is_refused() =>
        Refused(Sound() with { States = [.. Sound().States, new("Working", "waiting")] }, $"{At}/states/Working", "is named twice");

    [Fact]
    public void A_timed_step_naming_an_unknown_action_is_refused() =>
        Refused(WithStep(Sound(), "follow-up", s => s with { Then = "close" }), $"{At}/timedSteps/follow-up",
            "then 'close' is neither an action of the lifecycle nor check");

    [Fact]
    public void A_timed_step_whose_action_is_taken_from_none_of_its_states_is_refused() =>
        // verify is taken from Resolved only: in Routed the step would wait and then do nothing.
        Refused(WithStep(Sound(), "follow-up", s => s with { Then = "verify" }), $"{At}/timedSteps/follow-up",
            "then 'verify' is not an action from Routed");

    [Fact]
    public void A_timed_step_taking_an_action_that_requires_fields_is_refused()
    {
        // Resolving by the clock would close the item with its summary blank.
        var lifecycle = WithStep(Sound(), "follow-up", s => s with { In = ["Working"], At = "resolveDueAt", Then = "resolve" });
        Refused(lifecycle, $"{At}/timedSteps/follow-up", "then 'resolve' requires fields (summary, method), which a timer cannot give");
        var optional = WithAction(lifecycle, "resolve", a => a with { Fields = [.. a.Required.Select(f => f with { Optional = true })] });
        Assert.Empty(LifecycleCheck.Problems(optional));
    }

    [Fact]
    public void A_required_field_of_unknown_type_is_refused() =>
        Refused(WithField(Sound(), "resolve", "summary", new("summary", "number")), $"{At}/actions/resolve/fields/summary",
            "type 'number' must be one of text, choice, date, person, list");

    [Fact]
    public void A_choice_without_choices_is_refused()
    {
        var method = Field(Sound(), "resolve", "method");
        Refused(WithField(Sound(), "resolve", "method", method with { Choices = null }), $"{At}/actions/resolve/fields/method", "a choice needs its choices");
        Refused(WithField(Sound(), "resolve", "method", method with { Choices = [] }), $"{At}/actions/resolve/fields/method", "a choice needs its choices");
        Refused(WithField(Sound(), "resolve", "method", method with { Choices = ["other", "other"] }), $"{At}/actions/resolve/fields/method", "each named once");
        Refused(WithField(Sound(), "resolve", "summary", new("summary", "text", Choices: ["a"])), $"{At}/actions/resolve/fields/summary", "only a choice has choices");
    }

    [Fact]
    public void A_check_step_in_a_state_without_verify_or_reopen_is_refused()
    {
        Refused(Sound() with { Actions = [.. Sound().Actions.Where(a => a.Name != "reopen")] },
            $"{At}/timedSteps/resolution-check", "the check verifies or reopens: 'reopen' must be an action from 'Resolved'");
        var noVerify = Sound() with { Actions = [.. Sound().Actions.Select(a => a.Name == "verify" ? a with { Name = "close" } : a)] };
        Refused(noVerify, $"{At}/timedSteps/resolution-check", "'verify' must be an action from 'Resolved'");
    }

    [Theory]
    [InlineData("14 days", "after '14 days' is not an ISO 8601 duration")]
    [InlineData("P0D", "after 'P0D' is not an ISO 8601 duration")]
    [InlineData("-P1D", "after '-P1D' is not an ISO 8601 duration")]
    [InlineData("checkAfter", "after 'checkAfter' is not an ISO 8601 duration")]
    public void A_bad_duration_is_refused(string after, string message) =>
        Refused(WithStep(Sound(), "resolution-check", s => s with { After = after }), $"{At}/timedSteps/resolution-check", message);

    [Theory]
    [InlineData(1, "daily", "every 'daily' is not an ISO 8601 duration")]
    [InlineData(0, "daily", "every 'daily' is not an ISO 8601 duration")]
    [InlineData(1, null, "reminders need every")]
    public void Reminders_need_a_duration_between_them(int remind, string? every, string message) =>
        Refused(WithStep(Sound(), "follow-up", s => s with { Remind = remind, Every = every }), $"{At}/timedSteps/follow-up", message);

    [Fact]
    public void A_step_needs_either_a_due_time_or_a_duration()
    {
        Refused(WithStep(Sound(), "resolution-check", s => s with { At = "resolveDueAt" }), $"{At}/timedSteps/resolution-check", "needs either at");
        Refused(WithStep(Sound(), "resolution-check", s => s with { After = null }), $"{At}/timedSteps/resolution-check", "needs either at");
        Refused(WithStep(Sound(), "follow-up", s => s with { At = "dueAt" }), $"{At}/timedSteps/follow-up", "at 'dueAt' must be one of ackDueAt, resolveDueAt");
    }
}

/// The same refusals as an admin meets them: a draft with a broken lifecycle is a 422 naming the
/// place, and nothing is stored.
public abstract class LifecycleDraftTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    static JsonObject ShippedDraft() => Workflows.ShippedDraft.Build();

    static JsonObject Part(JsonNode parent, string list, string name, string key = "name") => Workflows.ShippedDraft.Part(parent, list, name, key);

    static JsonObject Lifecycle(JsonObject draft, string id) => Workflows.ShippedDraft.Lifecycle(draft, id);

    /// Posts the draft, which must be refused with nothing stored; returns its errors by place.
    async Task<JsonObject> RefusedAsync(JsonObject draft)
    {
        var before = await fixture.WithStoreAsync(db => db.Rulesets.CountAsync());
        var response = await client.PostAsJsonAsync("/api/rules/versions", draft);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(before, await fixture.WithStoreAsync(db => db.Rulesets.CountAsync()));
        return JsonNode.Parse(body)!["errors"]!.AsObject();
    }

    [Fact]
    public async Task The_shipped_lifecycles_are_accepted_as_a_draft() => await client.DraftAsync(ShippedDraft());

    [Fact]
    public async Task A_department_naming_an_unknown_lifecycle_is_422_naming_the_department()
    {
        var draft = ShippedDraft();
        Part(draft, "departments", "manufacturing", "id")["lifecycle"] = "eight-d";

        var errors = await RefusedAsync(draft);

        Assert.Equal(["departments/manufacturing"], errors.Select(e => e.Key));
        Assert.Contains("lifecycle 'eight-d' is not one of the lifecycles", (string)errors["departments/manufacturing"]![0]!);
    }

    [Fact]
    public async Task An_action_from_an_unknown_state_and_a_field_of_an_unknown_type_are_422_naming_each_place()
    {
        var draft = ShippedDraft();
        var capa = Lifecycle(draft, "corrective-action");
        Part(capa, "actions", "contain")["from"] = new JsonArray("Routed", "Quarantined");
        Part(Part(capa, "actions", "find-cause"), "fields", "rootCause.method")["type"] = "dropdown";

        var errors = await RefusedAsync(draft);

        Assert.Equal(["lifecycles/corrective-action/actions/contain", "lifecycles/corrective-action/actions/find-cause/fields/rootCause.method"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("from 'Quarantined' is not one of its states", (string)errors["lifecycles/corrective-action/actions/contain"]![0]!);
    }

    [Theory]
    [InlineData("states")]
    [InlineData("actions")]
    [InlineData("timedSteps")]
    [InlineData("fields")]
    [InlineData("lifecycles")]
    public async Task A_null_in_a_lifecycles_list_is_422_naming_the_lifecycles(string list)
    {
        var draft = ShippedDraft();
        var scar = Lifecycle(draft, "supplier-corrective-action");
        (list switch { "fields" => Part(scar, "actions", "confirm-containment"), "lifecycles" => draft, _ => scar })[list]!.AsArray().Add(null);

        var errors = await RefusedAsync(draft);

        Assert.Contains(errors, e => e.Key.StartsWith("lifecycles", StringComparison.Ordinal));
    }
}

public sealed class LifecycleDraftsOnSqlite(SqliteFixture fixture) : LifecycleDraftTests(fixture), IClassFixture<SqliteFixture>;

public sealed class LifecycleDraftsOnPostgres(PostgresFixture fixture) : LifecycleDraftTests(fixture), IClassFixture<PostgresFixture>;
