using System.Net;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.Telemetry;

/// What an operator's Prometheus scrapes from /metrics: our counters move with the traffic, the
/// gauges are there, and only an admin (or whoever reaches the management port) can read it.
[Collection(TelemetryHost.Collection)]
public sealed class MetricsTests(TelemetryHost fixture)
{
    readonly HttpClient admin = fixture.Host.Client();

    async Task<PrometheusText> ScrapeAsync()
    {
        using var response = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString());
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_move_after_traffic()
    {
        var before = await ScrapeAsync();
        var key = Guid.NewGuid().ToString();
        var first = await admin.PostReportAsync(Reports.Valid("supply"), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var receipts = new List<System.Text.Json.Nodes.JsonObject>
        {
            System.Text.Json.Nodes.JsonNode.Parse(await first.Content.ReadAsStringAsync())!.AsObject(),
            await admin.SubmitAsync(Reports.Valid("supply")),
            await admin.SubmitAsync(Reports.Valid("quality", "high")),
        };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostReportAsync(Reports.Valid().Without("title"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostReportAsync(Reports.Valid("supply"), key)).StatusCode);
        var product = $"HX-200 {Guid.NewGuid():N}";
        var complaints = AsNdjson([Complaint($"{product}-1", product), Complaint($"{product}-2", product), Complaint("", product)]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/complaints", complaints, Ndjson)).Status);

        // The logistics items' acknowledgement is due after 2 s: a reminder fires and is delivered to the webhook.
        PrometheusText after = before;
        await Eventually.HoldsAsync(async () =>
        {
            after = await ScrapeAsync();
            return after.Sum("routing_timers_lag_seconds_count") > before.Sum("routing_timers_lag_seconds_count")
                   && after.Sum("routing_notifications_attempts_total", "channel=webhook", "outcome=delivered")
                   > before.Sum("routing_notifications_attempts_total", "channel=webhook", "outcome=delivered");
        }, TimeSpan.FromSeconds(30), "a timer fires and a webhook is delivered", () => Task.FromResult(fixture.Host.Output));

        double Moved(string name, params string[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        Assert.Equal(3, Moved("routing_reports_accepted_total"));
        Assert.Equal(1, Moved("routing_reports_refused_total", "reason=invalid"));
        Assert.Equal(1, Moved("routing_reports_refused_total", "reason=key_reused"));
        var opened = receipts.SelectMany(r => r["workItems"]!.AsArray()).GroupBy(i => ((string)i!["department"]!, (string)i!["priority"]!));
        Assert.All(opened, g => Assert.Equal(g.Count(),
            Moved("routing_work_items_opened_total", $"department={g.Key.Item1}", $"priority={g.Key.Item2}")));
        Assert.Equal(receipts.Sum(r => r["workItems"]!.AsArray().Count), Moved("routing_work_items_opened_total"));
        Assert.Equal(2, Moved("routing_complaints_imported_total", "outcome=accepted"));
        Assert.Equal(1, Moved("routing_complaints_imported_total", "outcome=rejected"));
        Assert.True(after.Has("routing_timers_lag_seconds_bucket", "le=600"), "the lag is a histogram with buckets up to 10 min");
        Assert.True(after.Has("routing_timers_pending"), "timers pending is reported");
        Assert.True(after.Has("routing_history_sealing_lag_seconds"), "the sealing lag is reported");
        Assert.True(after.Has("http_server_request_duration_seconds_count"), "ASP.NET Core's request durations are there too");
        Assert.True(after.Has("db_client_operation_duration_seconds_count") || after.Samples.Any(s => s.Name.StartsWith("db_client_")),
            "and Npgsql's");
        // Served on the management port without a key: a pool is named, not shown as its connection string.
        var pools = after.Samples.Select(s => s.Labels.GetValueOrDefault("db_client_connection_pool_name")).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(pools);
        Assert.All(pools, pool => Assert.Contains(pool, new[] { "routing", "routing-hangfire" }));
    }

    [Fact]
    public async Task Metrics_need_an_admin_key_or_the_management_port()
    {
        var csm = fixture.Host.Client(key: await admin.CreateKeyAsync("csm"));
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await csm.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/metrics")).StatusCode);

        using var management = new HttpClient { BaseAddress = fixture.Management };
        var scraped = await management.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        var text = PrometheusText.Parse(await scraped.Content.ReadAsStringAsync());
        Assert.True(text.Has("routing_timers_pending"), "the gauges are scraped there too");
        Assert.True(text.Has("target_info", $"service_name={TelemetryHost.ServiceName}"), "the service is named as OTEL_SERVICE_NAME says");
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/health")).StatusCode);
        // Nothing else is served there, with a key or without.
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("/api/reports")).StatusCode);
        management.DefaultRequestHeaders.Authorization = new("Bearer", RoutingApplication.AdminKey);
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("/api/reports")).StatusCode);
    }
}
