using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Routing.Bench;

/// The "metrics" suite (issue 22): on `items` work items and ten times as many history events
/// (MetricsData, kept between runs), the Accountability page and the metrics API, p95 of
/// sequential requests; the cold fill of the period cache over three years; the write path's
/// cost on intake (a fresh database, with and without the accountability indexes); and the
/// backfill's rate (every item marked from before the facts, then the host's start-up timed).
internal sealed class MetricsSuite(MetricsSuite.Options options)
{
    public sealed record Options(string HostDll, string Connection, Psql Psql, Func<string, Psql> PsqlOn, string Database,
        long Items, int Requests, TimeSpan IntakeSeconds, string Work, bool DataOnly = false, bool BackfillOnly = false, int Port = 5098,
        bool Quick = false);

    /// One page or endpoint: the first request (on a cold period cache for the first of each
    /// kind), then the p50 and p95 of `Requests` sequential ones after 10 warm-ups.
    public sealed record Measurement(string Name, string Path, string As, double? FirstMs, double? P50Ms, double? P95Ms, int Requests,
        long Bytes, string Status);

    public sealed record ColdFill(string Interval, int Periods, double? FirstSeconds, double? AgainMs, string Status);

    public sealed record WritePath(double MaxPerSecond, double P99Ms, double MaxWithoutIndexes, double P99MsWithoutIndexes);

    public sealed record Backfill(long Items, double? StartSeconds, double BaselineStartSeconds, double? ItemsPerSecond, long LeftOver,
        long Differing, string Status);

    public sealed record Result(MetricsData.Load Data, bool DataKept, double? StartSeconds, IReadOnlyList<Measurement> Measurements,
        IReadOnlyList<ColdFill> Cold, WritePath? Intake, Backfill? Backfill, string? LoadAverage = null);

    readonly string key = $"bench-admin-key-{Guid.NewGuid():N}";

    public async Task<Result> RunAsync()
    {
        var log = Path.Combine(options.Work, "metrics-host.log");
        // The clock off on this host: at start it queues the metrics rollup, which fills every period
        // since the first item in the background; the requests measured here fill their own periods.
        await using var host = new BenchHost(options.HostDll, options.Connection, key, options.Port, log,
            new Dictionary<string, string> { ["Routing__Clock__Enabled"] = "false" });
        Console.WriteLine("metrics: the host migrates the database");
        await host.StartAsync(TimeSpan.FromMinutes(5));
        var kept = MetricsData.Present(options.Psql, options.Items);
        MetricsData.Load data;
        if (kept)
        {
            Console.WriteLine($"metrics: the database {options.Database} already holds the data set; kept");
            data = Counts();
        }
        else
        {
            await host.StopAsync();
            var present = long.Parse(options.Psql.Run("SELECT count(*) FROM work_items").Trim(), CultureInfo.InvariantCulture);
            if (present > 0) throw new InvalidOperationException($"{options.Database} holds {present} other work items: use an empty database");
            data = MetricsData.Fill(options.Psql, options.Items, DateTimeOffset.UtcNow);
        }
        await host.StopAsync();
        if (options.DataOnly) return new(data, kept, null, [], [], null, null);
        var start = await host.StartAsync(TimeSpan.FromMinutes(5));
        if (options.BackfillOnly)
        {
            await host.StopAsync();
            return new(data, kept, start, [], [], null, await BackfillAsync(host, start));
        }
        Console.WriteLine($"metrics: host up in {start:F1} s on {data.Items:N0} items, {data.Events:N0} events");

        using var http = Client(host.Url);
        var head = await CreateKeyAsync(http, key, "department-head", "logistics");
        var adminCookie = await ConsoleSignIn.CookieAsync(host.Url, key);
        var headCookie = await ConsoleSignIn.CookieAsync(host.Url, head);
        var today = DateTime.UtcNow.Date;
        string Day(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var threeYears = Day(today.AddDays(-7 * 155));
        var oneYear = Day(today.AddYears(-1));

        // The period cache starts empty: the first request of each interval fills it.
        options.Psql.Run("TRUNCATE metric_periods");
        var loadBefore = LoadAverage();
        var measurements = new List<Measurement>
        {
            await MeasureAsync(http, "page, admin, 12 weeks, all departments", "/console/accountability", "admin", adminCookie),
            await MeasureAsync(http, "page, head (logistics), 12 weeks", "/console/accountability", "head", headCookie),
            await MeasureAsync(http, "page, admin, by month over 3 years", $"/console/accountability?interval=month&from={threeYears}", "admin", adminCookie),
            await MeasureAsync(http, "page, admin, rules (90 days)", "/console/accountability?view=rules", "admin", adminCookie),
            await MeasureAsync(http, "page, admin, CSMs", "/console/accountability?view=csms", "admin", adminCookie),
            await MeasureAsync(http, "API departments, JSON, 12 weeks", "/api/metrics/departments", "admin"),
            await MeasureAsync(http, "API departments, CSV, 12 weeks", "/api/metrics/departments?format=csv", "admin"),
            await MeasureAsync(http, "API departments, head", "/api/metrics/departments", "head", bearer: head),
            await MeasureAsync(http, "API rules, 90 days", "/api/metrics/rules", "admin"),
            await MeasureAsync(http, "API rules, 1 year", $"/api/metrics/rules?from={oneYear}", "admin"),
            await MeasureAsync(http, "API CSMs", "/api/metrics/csms", "admin"),
        };

        // The cold fill, each from an empty cache: every closed period of every department computed
        // (what the rollup does after a backfill), then the same request again, from the cache.
        // 12 weeks and 12 months first: three years may take longer than the client waits.
        var cold = new List<ColdFill>();
        foreach (var (interval, periods, from) in new[]
                 { ("week", 12, (string?)null), ("month", 12, null), ("month", 37, threeYears), ("week", 156, threeYears) }
                     .Take(options.Quick ? 3 : 4))
        {
            options.Psql.Run("TRUNCATE metric_periods");
            var path = $"/api/metrics/departments?interval={interval}" + (from is null ? "" : $"&from={from}");
            var (first, status) = await TimeAsync(http, path);
            var (again, _) = first is null ? (null, "") : await TimeAsync(http, path);
            cold.Add(new(interval, periods, first / 1000, again, status));
            Console.WriteLine($"metrics: cold fill of {periods} periods by {interval}: {(first is null ? status : $"{first / 1000:F1} s, again {again:F1} ms")}");
        }
        options.Psql.Run("TRUNCATE metric_periods");
        var load = $"{loadBefore} before, {LoadAverage()} after";

        await host.StopAsync();
        // A request the client gave up on may leave its query running in the database (the host's
        // command timed out and dropped the connection): cancelled, so intake is measured alone.
        options.Psql.Run("""
            SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """);
        var intake = await WritePathAsync();
        // Quick: no backfill (a host started again to replay every item).
        var backfill = options.Quick ? null : await BackfillAsync(host, start);
        return new(data, kept, start, measurements, cold, intake, backfill, load);
    }

    /// The machine's 1-minute load average (Linux), beside figures that depend on it.
    static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    MetricsData.Load Counts()
    {
        long Count(string table) => long.Parse(options.Psql.Run($"SELECT count(*) FROM {table}").Trim(), CultureInfo.InvariantCulture);
        return new(Count("work_items"), Count("reports"), Count("work_item_rules"), Count("effectiveness"), Count("history"), [], null);
    }

    async Task<Measurement> MeasureAsync(HttpClient http, string name, string path, string who, string? cookie = null, string? bearer = null)
    {
        // A console request carries the session cookie alone, as a browser does; an API one its key.
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (cookie is not null) request.Headers.Add("Cookie", cookie);
            else request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? key);
            return request;
        }

        double? first = null;
        long bytes = 0;
        var times = new List<double>();
        // At most two minutes a measurement: a page that takes seconds is measured on fewer requests.
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < options.Requests + 10 && (i < 12 || budget.Elapsed < TimeSpan.FromMinutes(2)); i++)
        {
            using var request = Request();
            var clock = Stopwatch.StartNew();
            HttpResponseMessage response;
            byte[] body;
            try
            {
                response = await http.SendAsync(request);
                body = await response.Content.ReadAsByteArrayAsync();
            }
            catch (TaskCanceledException)
            {
                Console.WriteLine($"metrics: {name}: no answer within {http.Timeout.TotalMinutes} min");
                return new(name, path, who, null, null, null, 0, 0, $"no answer within {http.Timeout.TotalMinutes} min");
            }
            using var answered = response;
            var ms = clock.Elapsed.TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var status = response.StatusCode == HttpStatusCode.NotFound ? "not found (not built yet)" : $"{(int)response.StatusCode}";
                Console.WriteLine($"metrics: {name}: {status}");
                return new(name, path, who, null, null, null, 0, 0, status);
            }
            first ??= ms;
            bytes = body.Length;
            if (i >= 10) times.Add(ms);
        }
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))];
        var result = new Measurement(name, path, who, first, P(0.5), P(0.95), times.Count, bytes, "ok");
        Console.WriteLine($"metrics: {name}: first {first:F0} ms, p50 {result.P50Ms:F1} ms, p95 {result.P95Ms:F1} ms ({times.Count} requests, {bytes:N0} bytes)");
        return result;
    }

    /// The milliseconds a request took, or why it has none.
    async Task<(double? Ms, string Status)> TimeAsync(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new("Bearer", key) } };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
        }
        catch (TaskCanceledException)
        {
            return (null, $"no answer within {http.Timeout.TotalMinutes} min");
        }
        using var answered = response;
        return response.StatusCode == HttpStatusCode.OK ? (clock.Elapsed.TotalMilliseconds, "ok") : (null, $"{(int)response.StatusCode}");
    }

    /// Intake on a fresh database of its own, as the intake suite runs it; then again with the
    /// five indexes the accountability figures added (four on work_items, the partial one on
    /// history) dropped: the difference is what they cost the write path. Both runs write the
    /// work_item_rules rows.
    async Task<WritePath?> WritePathAsync()
    {
        if (options.IntakeSeconds <= TimeSpan.Zero) return null;
        const string database = "routing_metrics_intake";
        options.PsqlOn("postgres").Run($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        options.PsqlOn("postgres").Run($"CREATE DATABASE {database}");
        var connection = string.Join(';', options.Connection.Split(';').Where(p => !p.StartsWith("Database=", StringComparison.OrdinalIgnoreCase))) + $";Database={database}";
        await using var host = new BenchHost(options.HostDll, connection, key, options.Port + 1, Path.Combine(options.Work, "metrics-intake-host.log"));
        await host.StartAsync(TimeSpan.FromMinutes(2));
        var load = new IntakeLoad(host.Url, key);
        var seconds = options.IntakeSeconds;
        Console.WriteLine("metrics: intake with the accountability indexes");
        // Warm first (until the rate settles): measured cold, the first run paid the host's JIT and the second did not.
        var with = await load.RunAsync(seconds / 2, seconds, seconds, connections: 32, warmUpRounds: options.Quick ? 1 : 12);
        options.PsqlOn(database).Run("""
            DROP INDEX "IX_work_items_Department_CreatedAt"; DROP INDEX "IX_work_items_Department_AcknowledgedAt_AckTookSeconds_AckMet";
            DROP INDEX "IX_work_items_Department_FirstResolvedAt_ResolveTookSeconds_Re~"; DROP INDEX "IX_work_items_Department_HandedBackAt";
            DROP INDEX "IX_history_metrics";
            """);
        Console.WriteLine("metrics: intake without them");
        var without = await load.RunAsync(seconds / 2, seconds, seconds, connections: 32);
        await host.StopAsync();
        options.PsqlOn("postgres").Run($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        return new(with.MaxPerSecond, with.P99Ms, without.MaxPerSecond, without.P99Ms);
    }

    /// Every item marked as from before the facts, the facts kept aside; the host's start-up
    /// (which waits for the backfill) timed against a start-up with nothing to backfill; then how
    /// many items the backfill gave other facts than the data set's.
    async Task<Backfill> BackfillAsync(BenchHost host, double baseline)
    {
        var psql = options.Psql;
        // Marking a million items costs minutes: not without a backfill to time.
        // The host's engine (not the bench's copy) names the type in its metadata if it has one.
        var engine = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.HostDll))!, "Routing.Engine.dll");
        if (!File.Exists(engine) || File.ReadAllBytes(engine).AsSpan().IndexOf("MetricsBackfill"u8) < 0)
        {
            Console.WriteLine("metrics: backfill: not in this build");
            return new(options.Items, null, baseline, null, 0, 0, "not in this build");
        }
        Console.WriteLine("metrics: backfill: marking every item MetricsVersion = 0");
        psql.Run("""
            DROP TABLE IF EXISTS bench_facts;
            CREATE UNLOGGED TABLE bench_facts AS SELECT "Id", "AcknowledgedAt", "AckTookSeconds", "AckMet", "FirstResolvedAt",
              "ResolveTookSeconds", "ResolveMet", "VerifiedAt", "ReopenedCount", "HandedBackAt" FROM work_items;
            UPDATE work_items SET "MetricsVersion" = 0;
            """);
        var items = options.Items;
        double seconds;
        try
        {
            seconds = await host.StartAsync(TimeSpan.FromMinutes(60));
        }
        finally
        {
            await host.StopAsync();
        }
        var left = long.Parse(psql.Run("""SELECT count(*) FROM work_items WHERE "MetricsVersion" = 0""").Trim(), CultureInfo.InvariantCulture);
        var differing = long.Parse(psql.Run("""
            SELECT count(*) FROM work_items w JOIN bench_facts f USING ("Id")
            WHERE (w."AcknowledgedAt", w."AckTookSeconds", w."AckMet", w."FirstResolvedAt", w."ResolveTookSeconds", w."ResolveMet",
                   w."VerifiedAt", w."ReopenedCount", w."HandedBackAt")
              IS DISTINCT FROM (f."AcknowledgedAt", f."AckTookSeconds", f."AckMet", f."FirstResolvedAt", f."ResolveTookSeconds", f."ResolveMet",
                   f."VerifiedAt", f."ReopenedCount", f."HandedBackAt")
            """).Trim(), CultureInfo.InvariantCulture);
        // Put the data set back as it was, whatever the backfill did, so the next run measures the same figures.
        psql.Run("""
            UPDATE work_items w SET "AcknowledgedAt" = f."AcknowledgedAt", "AckTookSeconds" = f."AckTookSeconds", "AckMet" = f."AckMet",
              "FirstResolvedAt" = f."FirstResolvedAt", "ResolveTookSeconds" = f."ResolveTookSeconds", "ResolveMet" = f."ResolveMet",
              "VerifiedAt" = f."VerifiedAt", "ReopenedCount" = f."ReopenedCount", "HandedBackAt" = f."HandedBackAt", "MetricsVersion" = 1
            FROM bench_facts f WHERE w."Id" = f."Id" AND (w."MetricsVersion" = 0 OR (w."AcknowledgedAt", w."AckTookSeconds", w."AckMet",
              w."FirstResolvedAt", w."ResolveTookSeconds", w."ResolveMet", w."VerifiedAt", w."ReopenedCount", w."HandedBackAt")
              IS DISTINCT FROM (f."AcknowledgedAt", f."AckTookSeconds", f."AckMet", f."FirstResolvedAt", f."ResolveTookSeconds",
              f."ResolveMet", f."VerifiedAt", f."ReopenedCount", f."HandedBackAt"));
            DROP TABLE bench_facts;
            """);
        psql.Run("VACUUM ANALYZE work_items");
        if (left == items)
        {
            Console.WriteLine($"metrics: backfill: start-up {seconds:F1} s, every item still marked: no backfill in this build");
            return new(items, seconds, baseline, null, left, 0, "no backfill in this build");
        }
        var rate = (items - left) / Math.Max(0.001, seconds - baseline);
        Console.WriteLine($"metrics: backfill: start-up {seconds:F1} s (baseline {baseline:F1} s): {rate:F0} items/s; {left:N0} left, {differing:N0} with other facts");
        return new(items, seconds, baseline, rate, left, differing, left == 0 ? "ok" : "incomplete");
    }

    // No redirects followed: a page that sends the caller to sign in again is not measured as the page.
    static HttpClient Client(string url) => new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(url),
        // A request that fills three years of the period cache may take minutes; more is reported as such.
        Timeout = TimeSpan.FromMinutes(4),
    };

    static async Task<string> CreateKeyAsync(HttpClient http, string admin, string role, params string[] departments)
    {
        var body = new JsonObject
        {
            ["name"] = $"bench-{role}-{Guid.NewGuid():N}", ["role"] = role, ["departments"] = new JsonArray([.. departments.Select(d => JsonValue.Create(d))]),
        };
        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/keys")
        {
            Content = new StringContent(body.ToJsonString(), null, "application/json"), Headers = { Authorization = new("Bearer", admin) },
        });
        return (string)JsonNode.Parse(await PatternsSuite.Ok(response))!["key"]!;
    }
}
