using System.Diagnostics;
using System.Net;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Telemetry;

/// What an operator's tracing backend receives over OTLP: one report's trace from the HTTP
/// request through intake and the rules to the database, and its log lines under the same trace.
[Collection(TelemetryHost.Collection)]
public sealed class TraceTests(TelemetryHost fixture)
{
    [Fact]
    public async Task One_report_trace_spans_http_intake_rules_and_database()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports")
        {
            Content = new StringContent(Reports.Valid("supply").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await fixture.Host.Client().SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reportId = (string)System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["reportId"]!;

        List<OtlpSpan> spans = [];
        OtlpSpan? Find(string name, OtlpSpan? parent = null) =>
            spans.FirstOrDefault(s => s.Name == name && (parent is null || s.ParentSpanId == parent.SpanId));
        await Eventually.HoldsAsync(() =>
        {
            spans = [.. fixture.Collector.Spans.Where(s => s.TraceId == traceId)];
            return Task.FromResult(Find("routing.rules.evaluate") is not null && spans.Any(s => s.Kind == OtlpSpan.SpanKind.Server)
                && fixture.Collector.Logs.Any(l => l.TraceId == traceId && l.Body.Contains("routed")));
        }, TimeSpan.FromSeconds(10), "the report's spans and its log line reach the collector",
            () => Task.FromResult(string.Join("\n", spans)));

        var server = Assert.Single(spans, s => s.Kind == OtlpSpan.SpanKind.Server);
        Assert.StartsWith("POST /api/reports", server.Name);
        Assert.Equal("201", server.Attributes["http.response.status_code"]);
        var intake = Find("routing.intake", server) ?? throw new Xunit.Sdk.XunitException($"no intake span under the request:\n{string.Join("\n", spans)}");
        Assert.Equal(reportId, intake.Attributes["routing.report.id"]);
        var rules = Find("routing.rules.evaluate", intake) ?? throw new Xunit.Sdk.XunitException("no rules span under intake");
        Assert.Equal(intake.Attributes["routing.ruleset.version"], rules.Attributes["routing.ruleset.version"]);
        Assert.Contains("logistics", rules.Attributes["routing.routes"]);
        var database = spans.Where(s => s.ParentSpanId == intake.SpanId && s.Kind == OtlpSpan.SpanKind.Client).ToList();
        Assert.NotEmpty(database);
        Assert.All(database, s => Assert.Equal("postgresql", s.Attributes.GetValueOrDefault("db.system.name") ?? s.Attributes.GetValueOrDefault("db.system")));

        var routed = fixture.Collector.Logs.First(l => l.TraceId == traceId && l.Body.Contains("routed"));
        Assert.Contains(reportId, routed.Body);
        Assert.Equal((reportId, "logistics"), (routed.Attributes["ReportId"], routed.Attributes["Departments"]));
        Assert.Contains(spans, s => s.SpanId == routed.SpanId);
    }

    [Fact]
    public async Task A_webhook_delivery_is_a_trace_of_its_own_with_the_http_call_under_it()
    {
        var receipt = await fixture.Host.Client().SubmitAsync(Reports.Valid("supply"));
        var reportId = (string)receipt["reportId"]!;

        OtlpSpan? delivery = null;
        List<OtlpSpan> spans = [];
        await Eventually.HoldsAsync(() =>
        {
            spans = [.. fixture.Collector.Spans];
            // The item's reminder (due after 2 s) may be delivered before it: its own span.
            delivery = spans.FirstOrDefault(s => s.Name == "routing.notification.deliver" && s.Attributes.GetValueOrDefault("routing.report.id") == reportId
                                                 && s.Attributes.GetValueOrDefault("routing.notification.event") == "routed");
            return Task.FromResult(delivery is not null && spans.Any(s => s.ParentSpanId == delivery.SpanId));
        }, TimeSpan.FromSeconds(10), "the routed notification's delivery span and its HTTP call reach the collector");

        Assert.Equal(("routed", "webhook", "1", "logistics"), (delivery!.Attributes["routing.notification.event"],
            delivery.Attributes["routing.notification.channel"], delivery.Attributes["routing.notification.attempt"], delivery.Attributes["routing.department"]));
        Assert.Equal((string)receipt["workItems"]![0]!["id"]!, delivery.Attributes["routing.work_item.id"]);
        var call = Assert.Single(spans, s => s.ParentSpanId == delivery.SpanId && s.Kind == OtlpSpan.SpanKind.Client && s.Name == "POST");
        Assert.Equal("200", call.Attributes["http.response.status_code"]);

        // The webhook URL's path is its credential: it reaches neither the spans nor the logs.
        Assert.Contains(call.Attributes, a => a.Key == "url.full" && a.Value.StartsWith("http://127.0.0.1/... sha256:", StringComparison.Ordinal));
        Assert.All(fixture.Collector.Spans, s => Assert.DoesNotContain(s.Attributes, a => a.Value.Contains(TelemetryHost.WebhookCredential)));
        Assert.DoesNotContain(fixture.Collector.Logs, l => l.Body.Contains(TelemetryHost.WebhookCredential)
            || l.Attributes.Values.Any(v => v.Contains(TelemetryHost.WebhookCredential)));
        Assert.DoesNotContain(TelemetryHost.WebhookCredential, fixture.Host.Output);
    }
}
