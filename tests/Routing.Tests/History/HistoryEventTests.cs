using System.Reflection;
using System.Text.Json;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Host.History;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.History;

/// Each kind of event has one payload record. Events stored before the payloads were types
/// (the JSON below is exactly what that code wrote) read into their record, say the sentence
/// they always said, and the record writes the same JSON back, byte for byte: old and new
/// events of a kind look alike, and the hashed data of stored events is never touched.
public sealed class HistoryEventTests
{
    public static TheoryData<string, string, string> Stored => new()
    {
        { "report.accepted", """{"title":"Pallets arrive crushed","product":"chair-a1","category":"supply","severity":"medium","reportCount":12,"patternKey":"chair-a1|supply|utah"}""",
            """Report accepted: Pallets arrive crushed (supply, medium, 12 reports)""" },
        { "report.routed", """{"rulesetVersion":3,"firedRules":["supply-to-logistics","notify-lead"],"routes":[{"department":"logistics","priority":"P2","matchedRules":["supply-to-logistics"]}],"notify":["cs-lead"],"ruleFailures":[{"rule":"broken","error":"boom"}]}""",
            """Routed by ruleset v3 to logistics (P2); rules fired: supply-to-logistics, notify-lead""" },
        { "work-item.routed", """{"before":null,"after":"Routed","priority":"P2","ackDueAt":"2026-03-01T09:30:00+00:00","resolveDueAt":"2026-03-02T17:00:00.25+00:00","matchedRules":["supply-to-logistics"]}""",
            """Routed as P2: acknowledge by 2026-03-01T09:30:00+00:00, resolve by 2026-03-02T17:00:00.25+00:00 (rules: supply-to-logistics)""" },
        { "work-item.routed", """{"before":null,"after":"Routed","from":"rnd","handedBackItem":"0195f3a0-0000-7000-8000-000000000001","note":"misrouted"}""",
            "Handed back by rnd: \"misrouted\"" },
        { "work-item.routed", """{"before":null,"after":"Routed","from":"rnd","handedBackItem":"0195f3a0-0000-7000-8000-000000000001","note":null}""",
            """Handed back by rnd""" },
        { "work-item.recurred", """{"reportId":"0195f3a0-0000-7000-8000-000000000001","recurrences":2,"state":"Acknowledged"}""",
            """The pattern was reported again (recurrence 2)""" },
        { "work-item.reprioritized", """{"reportId":"0195f3a0-0000-7000-8000-000000000001","before":{"priority":"P4","ackDueAt":"2026-03-01T09:30:00+00:00","resolveDueAt":"2026-03-02T17:00:00.25+00:00"},"after":{"priority":"P1","ackDueAt":"2026-03-01T09:30:00+00:00","resolveDueAt":"2026-03-02T17:00:00.25+00:00"}}""",
            """Reprioritized P4 → P1 by a more urgent recurrence: acknowledge by 2026-03-01T09:30:00+00:00 (was 2026-03-01T09:30:00+00:00), resolve by 2026-03-02T17:00:00.25+00:00 (was 2026-03-02T17:00:00.25+00:00)""" },
        { "work-item.acknowledged", """{"before":"Routed","after":"Acknowledged","note":"on it"}""",
            "Acknowledged: Routed → Acknowledged: \"on it\"" },
        { "work-item.started", """{"before":"Acknowledged","after":"InProgress","note":null}""",
            """Started: Acknowledged → InProgress""" },
        { "work-item.resolved", """{"before":"InProgress","after":"Resolved","note":"fixed"}""",
            "Resolved: InProgress → Resolved: \"fixed\"" },
        { "work-item.handed-back", """{"before":"Routed","after":"HandedBack","note":"misrouted"}""",
            "Handed back to triage: Routed → HandedBack: \"misrouted\"" },
        { "work-item.cancelled", """{"before":"Routed","after":"Cancelled","note":null}""",
            """Cancelled: Routed → Cancelled""" },
        { "work-item.commented", """{"before":"InProgress","after":"InProgress","note":"a \u0022quoted\u0022 word"}""",
            "Comment: \"a \"quoted\" word\"" },
        { "work-item.reminded", """{"reminder":1,"ackDueAt":"2026-03-01T09:30:00+00:00"}""",
            """Reminder 1: not acknowledged (was due 2026-03-01T09:30:00+00:00)""" },
        { "work-item.escalated", """{"before":"Routed","after":"Escalated","reason":"not acknowledged after 2 reminders"}""",
            """Escalated: not acknowledged after 2 reminders""" },
        { "work-item.reopened", """{"before":"Resolved","after":"Reopened","reportsSinceResolution":1,"ackDueAt":"2026-03-01T09:30:00+00:00","resolveDueAt":"2026-03-02T17:00:00.25+00:00"}""",
            """Reopened: 1 new report of the pattern since it was resolved""" },
        { "work-item.restored", """{"before":"Cancelled","after":"Acknowledged","undid":"cancel"}""",
            """Restored: Cancelled → Acknowledged (the cancel was undone)""" },
        { "work-item.restored", """{"before":"HandedBack","after":"Routed","undid":"hand-back","cancelledTriageItem":"0195f3a0-0000-7000-8000-000000000001"}""",
            """Restored: HandedBack → Routed (the hand-back was undone)""" },
        { "work-item.verified", """{"before":"Resolved","after":"Verified","resolvedAt":"2026-03-01T09:30:00+00:00"}""",
            """Verified: the pattern did not come back""" },
        { "timer.fired", """{"timer":"0195f3a0-0000-7000-8000-000000000002","kind":"FollowUp","round":0,"dueAt":"2026-03-01T09:30:00+00:00","firedAt":"2026-03-02T17:00:00.25+00:00","delayMs":113400250}""",
            """FollowUp timer fired, 113400250 ms after it was due""" },
        { "timer.fired", """{"timer":"0195f3a0-0000-7000-8000-000000000002","kind":"ResolutionCheck","round":1,"dueAt":"2026-03-01T09:30:00+00:00","firedAt":"2026-03-01T09:30:00.0012345+00:00","delayMs":1.2345}""",
            """ResolutionCheck timer fired, 1.2345 ms after it was due""" },
        { "notification.queued", """{"eventId":"0195f3a0-0000-7000-8000-000000000002","event":"escalated","to":"logistics"}""",
            """Notification "escalated" queued for logistics""" },
        { "notification.queued", """{"eventId":"0195f3a0-0000-7000-8000-000000000003","event":"escalated","to":"triage","role":"escalation"}""",
            """Notification "escalated" queued for triage, the escalation contact""" },
        { "notification.attempted", """{"eventId":"0195f3a0-0000-7000-8000-000000000002","event":"routed","channel":"webhook","attempts":2,"outcome":"Pending","error":"HTTP 503"}""",
            """Notification "routed" via webhook, attempt 2: Pending (HTTP 503)""" },
        { "notification.attempted", """{"eventId":"0195f3a0-0000-7000-8000-000000000002","event":"routed","channel":"email","attempts":1,"outcome":"Delivered","error":null}""",
            """Notification "routed" via email, attempt 1: Delivered""" },
        { "key.created", """{"id":"0195f3a0-0000-7000-8000-000000000001","name":"temp","role":"head","departments":["rnd","logistics"]}""",
            """Key "temp" created for the role head of rnd, logistics""" },
        { "key.created", """{"id":"0195f3a0-0000-7000-8000-000000000001","name":"bootstrap-admin","role":"admin","departments":[]}""",
            """Key "bootstrap-admin" created for the role admin""" },
        { "key.revoked", """{"id":"0195f3a0-0000-7000-8000-000000000001","name":"temp","role":"auditor"}""",
            """Key "temp" (auditor) revoked""" },
        { "auth.failed", """{"client":"10.0.0.1","reason":"unknown key"}""",
            """A request with an unknown or revoked key was refused""" },
        { "ruleset.drafted", """{"version":2,"diff":{"version":2,"against":1,"addedRules":["new-rule"],"removedRules":[],"changedRules":[{"name":"old-rule","fields":["Expression"],"patch":{"Expression":["a","b"]}}],"addedDepartments":[],"removedDepartments":["gone"],"changedDepartments":[]}}""",
            """Ruleset v2 drafted""" },
        { "ruleset.published", """{"version":2,"previous":1,"diff":{"version":2,"against":1,"addedRules":["new-rule"],"removedRules":[],"changedRules":[{"name":"old-rule","fields":["Expression"],"patch":{"Expression":["a","b"]}}],"addedDepartments":[],"removedDepartments":["gone"],"changedDepartments":[]}}""",
            """Ruleset v2 published (was v1)""" },
        { "ruleset.published", """{"version":1,"source":"/app/rules"}""",
            """Ruleset v1 published""" },
        { "ruleset.rolled-back", """{"version":1,"previous":2,"diff":{"version":2,"against":1,"addedRules":["new-rule"],"removedRules":[],"changedRules":[{"name":"old-rule","fields":["Expression"],"patch":{"Expression":["a","b"]}}],"addedDepartments":[],"removedDepartments":["gone"],"changedDepartments":[]}}""",
            """Rolled back to ruleset v1 (was v2)""" },
        { "session.started", """{"client":"10.0.0.1"}""",
            """Signed in to the console (from 10.0.0.1)""" },
        { "session.ended", """{"reason":"signed out"}""",
            """Signed out of the console""" },
        { "auth.throttled", """{"client":"10.0.0.1","refused":7,"from":"2026-03-01T09:30:00+00:00","to":"2026-03-02T17:00:00.25+00:00"}""",
            """7 more failed authentications from 10.0.0.1 refused as too many, between 2026-03-01T09:30:00+00:00 and 2026-03-02T17:00:00.25+00:00""" },
        { "complaints.imported", """{"importId":"0195f3a0-0000-7000-8000-000000000001","source":"api","accepted":1200,"duplicates":3,"rejected":2}""",
            """1200 complaints imported (3 already stored, 2 rejected) from api""" },
        { "complaints.imported", """{"importId":"0195f3a0-0000-7000-8000-000000000001","source":"cli","accepted":5,"duplicates":0,"rejected":0,"file":"tickets.csv"}""",
            """5 complaints imported (0 already stored, 0 rejected) from tickets.csv""" },
        { "exposure.imported", """{"importId":"0195f3a0-0000-7000-8000-000000000001","source":"api","accepted":48,"duplicates":0,"rejected":1,"replaced":12}""",
            """Units sold imported: 48 rows, 12 of them replacing an earlier value (0 already stored, 1 rejected) from api""" },
        { "patterns.scanned", """{"tested":240,"flagged":7,"new":2,"reopened":1,"noLongerFlagged":3}""",
            """Scanned 240 segments for patterns: 7 flagged (2 new, 1 reopened), 3 no longer flagged""" },
        { "pattern.dismissed", """{"patternId":"0195f3a0-0000-7000-8000-000000000001","product":"AC-300 fan","category":"quality","segment":"Texas","reason":"Texas had a heatwave","complaints":60,"ratio":5}""",
            "Candidate pattern AC-300 fan, Texas (quality complaints) dismissed: \"Texas had a heatwave\"" },
    };

    /// Events stored under a kind's former name, or before its data gained a field.
    public static TheoryData<string, string, string> StoredEarlier => new()
    {
        { "work-item.acknowledge", """{"before":"Routed","after":"Acknowledged","note":"former name"}""",
            "Acknowledged: Routed → Acknowledged: \"former name\"" },
        { "report.routed", """{"rulesetVersion":1,"firedRules":[],"routes":[{"department":"triage","priority":"P3","matchedRules":[]}],"notify":[]}""",
            "Routed by ruleset v1 to triage (P3); rules fired: " },
        { "notification.queued", """{"eventId":"0195f3a0-0000-7000-8000-000000000002","event":"routed"}""",
            "Notification \"routed\" queued for " },
        { "work-item.recurrence", """{"reportId":"0195f3a0-0000-7000-8000-000000000001","recurrences":3,"state":"Routed"}""",
            "The pattern was reported again (recurrence 3)" },
        { "work-item.reminder", """{"reminder":2,"ackDueAt":"2026-03-01T09:30:00+00:00"}""",
            "Reminder 2: not acknowledged (was due 2026-03-01T09:30:00+00:00)" },
        { "notification.attempt", """{"eventId":"0195f3a0-0000-7000-8000-000000000002","event":"reminder","channel":"webhook","attempts":5,"outcome":"Failed","error":"timeout"}""",
            """Notification "reminder" via webhook, attempt 5: Failed (timeout)""" },
    };

    [Theory]
    [MemberData(nameof(Stored))]
    public void A_stored_event_reads_into_its_record_says_its_sentence_and_is_written_alike(string kind, string data, string summary)
    {
        var payload = HistoryData.Read(kind, data);

        Assert.NotNull(payload);
        Assert.Equal(HistoryKinds.Current(kind), HistoryData.KindOf(payload));
        Assert.Equal(summary, payload.Summary());
        Assert.Equal(summary, HistoryEntryBody.Of(new HistoryEvent { Actor = "a", Kind = kind, Data = data }).Summary);
        Assert.Equal(data, payload.ToJson());
    }

    [Theory]
    [MemberData(nameof(StoredEarlier))]
    public void An_event_stored_under_a_former_name_or_an_older_shape_reads_and_says_its_sentence(string kind, string data, string summary)
    {
        var payload = HistoryData.Read(kind, data);

        Assert.NotNull(payload);
        Assert.Equal(HistoryKinds.Current(kind), HistoryData.KindOf(payload));
        Assert.Equal(summary, HistoryEntryBody.Of(new HistoryEvent { Actor = "a", Kind = kind, Data = data }).Summary);
    }

    [Fact]
    public void Every_kind_has_one_payload_record_and_every_record_one_kind()
    {
        Assert.Equal(HistoryKinds.All.Order(), HistoryData.Kinds.Order());
    }

    [Theory]
    [InlineData("x.written", "{}")]
    [InlineData("notification.sent", """{"eventId":"0195f3a0-0000-7000-8000-000000000002","event":"routed"}""")]
    [InlineData("work-item.acknowledged", "not json")]
    [InlineData("work-item.acknowledged", """{"before":"Routed"}""")]
    [InlineData("work-item.acknowledged", """{"before":7,"after":"Acknowledged","note":null}""")]
    [InlineData("report.accepted", """{"title":null,"product":"p","category":"c","severity":"s","reportCount":1,"patternKey":"k"}""")]
    public void An_event_of_an_unknown_kind_or_with_data_unlike_its_kinds_shows_its_kind(string kind, string data)
    {
        Assert.Null(HistoryData.Read(kind, data));
        Assert.Equal(kind, HistoryNarrative.Describe(kind, data));
    }

    [Fact]
    public void The_documented_export_format_names_every_kind_its_former_names_and_every_field()
    {
        var doc = File.ReadAllLines(Path.Combine(RepositoryFolder.Root, "docs", "history-events.md"));
        var payloads = typeof(HistoryData).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<HistoryKindAttribute>() is not null)
            .ToDictionary(t => t.GetCustomAttribute<HistoryKindAttribute>()!.Kind);

        foreach (var kind in HistoryKinds.All)
        {
            var row = Assert.Single(doc, line => line.StartsWith($"| `{kind}` |", StringComparison.Ordinal));
            foreach (var field in payloads[kind].GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)))
                Assert.True(row.Contains($"`{field}`", StringComparison.Ordinal), $"{kind}: {field} is not documented");
            foreach (var former in HistoryKinds.StoredAs(kind).Skip(1))
                Assert.Contains(doc, line => line.Contains($"`{former}`", StringComparison.Ordinal));
        }
    }
}
