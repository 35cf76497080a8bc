using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Routing.Bench;

/// The "scaling" suite (issue 24, part 3): how the reads a user waits for and intake cost as data
/// grows. One database grows size by size (MetricsData, ten history events an item, and as many
/// complaints as items), and at each size a freshly started host is measured: the console inbox
/// as a department head and as admin, the inbox API, the console Overview, a work item's history,
/// the patterns scan, and intake (closed loop, with the CPU each report costs the host and
/// PostgreSQL). Items come at a steady rate, the smallest size in 90 days (10k: ~110 a day, so
/// 100k is 2.5 years, 1M 25): a bigger size is the service having run longer, so the work open
/// now and the last 30 days are alike at every size (an item open past 60 days is mostly
/// cancelled), and what grows is what is finished and its history.
internal sealed class ScalingSuite(ScalingSuite.Options options)
{
    public sealed record Options(string HostDll, string Connection, Psql Psql, IReadOnlyList<long> Sizes, int Requests, int ScanRequests, TimeSpan IntakeSeconds,
        TimeSpan WarmUpSeconds, int Port, string Work, Action<Result>? Measured = null);

    /// One read: the first request after the host started (JIT, cold caches), then p50 and p95 of
    /// `Requests` sequential ones once the host is warm (`WarmUps` requests before them), and the CPU
    /// each of those cost the host and PostgreSQL (less noisy than wall time on a loaded machine).
    public sealed record Measurement(string Name, string Path, string As, double? FirstMs, double? P50Ms, double? P95Ms, int Requests, string Status,
        double? HostCpuMs = null, double? PostgresCpuMs = null, int WarmUps = 10);

    /// Closed-loop intake at a size; the CPU of the host process and of the database's backends
    /// per report (wall time on a shared machine is noisy; CPU a report much less).
    public sealed record Intake(double PerSecond, int Errors, double HostCpuMsPerReport, double PostgresCpuMsPerReport);

    public sealed record Size(long Items, long Events, long Complaints, long OpenItems, double FillSeconds, double StartSeconds,
        IReadOnlyList<Measurement> Reads, Intake? Intake, string LoadAverage);

    public sealed record Result(IReadOnlyList<Size> Sizes);

    /// The days the smallest size takes to come in: longer than an open item stays open.
    const double FirstDays = 90;

    // The names the report and the chart go by.
    public const string InboxHead = "inbox page, head", InboxAdmin = "inbox page, admin", InboxApi = "inbox API", Overview = "Overview page",
        History = "history of a work item", Scan = "patterns scan";

    readonly string key = $"bench-admin-key-{Guid.NewGuid():N}";

    public async Task<Result> RunAsync()
    {
        var log = Path.Combine(options.Work, "scaling-host.log");
        // The clock off: at start it would queue the metrics rollup over every period since the first
        // item, in the background of the measurements. Intake does not need it.
        await using var host = new BenchHost(options.HostDll, options.Connection, key, options.Port, log,
            new Dictionary<string, string> { ["Routing__Clock__Enabled"] = "false" });
        Console.WriteLine("scaling: the host migrates the database");
        await host.StartAsync(TimeSpan.FromMinutes(15));
        await host.StopAsync();
        var now = DateTimeOffset.UtcNow;
        var sizes = new List<Size>();
        foreach (var size in options.Sizes.Order())
        {
            var present = Count($"work_items WHERE \"Fields\" = '{{\"bench\":true}}'");
            var fill = Stopwatch.StartNew();
            if (present < size)
            {
                // Older items than those there: the newest are the first size's.
                Console.WriteLine($"scaling: growing from {present:N0} to {size:N0} work items");
                MetricsData.Fill(options.Psql, size, now, present, (now - Days(size), now - Days(present)));
                GrowComplaints(size);
            }
            else if (present > size)
            {
                Console.WriteLine($"scaling: {present:N0} items already, more than {size:N0}: skipped");
                continue;
            }
            var filled = fill.Elapsed.TotalSeconds;
            sizes.Add(await MeasureAsync(host, filled));
            // Written after each size: a run stopped before the largest keeps the others.
            options.Measured?.Invoke(new(sizes));
        }
        return new(sizes);
    }

    TimeSpan Days(long items) => TimeSpan.FromDays(items * FirstDays / options.Sizes.Min());

    long Count(string from) => long.Parse(options.Psql.Run($"SELECT count(*) FROM {from}").Trim(), CultureInfo.InvariantCulture);

    async Task<Size> MeasureAsync(BenchHost host, double filled)
    {
        var loadBefore = LoadAverage();
        // Generous: on a loaded machine compiling the rulesets alone took minutes.
        var start = await host.StartAsync(TimeSpan.FromMinutes(15));
        var (items, events, complaints) = (Count("work_items"), Count("history"), Count("complaints"));
        var open = Count("work_items WHERE \"Stage\" <> 'Final'");
        Console.WriteLine($"scaling: host up in {start:F1} s on {items:N0} items ({open:N0} open), {events:N0} events, {complaints:N0} complaints");
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(host.Url), Timeout = TimeSpan.FromMinutes(2),
        };
        var head = await CreateKeyAsync(http, "department-head", "logistics");
        var adminCookie = await ConsoleSignIn.CookieAsync(host.Url, key);
        var headCookie = await ConsoleSignIn.CookieAsync(host.Url, head);
        // An item of the first size: there at every size, with its ten events.
        var item = options.Psql.Run("SELECT md5('item-4242')::uuid").Trim();
        var reads = new List<Measurement>
        {
            await MeasureAsync(http, host, InboxHead, HttpMethod.Get, "/console/inbox?department=logistics", "head", cookie: headCookie),
            await MeasureAsync(http, host, InboxAdmin, HttpMethod.Get, "/console/inbox?department=logistics", "admin", cookie: adminCookie),
            await MeasureAsync(http, host, InboxApi, HttpMethod.Get, "/api/departments/logistics/work-items", "admin"),
            await MeasureAsync(http, host, Overview, HttpMethod.Get, "/console/overview", "admin", cookie: adminCookie),
            await MeasureAsync(http, host, History, HttpMethod.Get, $"/api/history?workItemId={item}", "admin"),
            await MeasureAsync(http, host, Scan, HttpMethod.Post, "/api/patterns/scan", "admin", requests: options.ScanRequests),
        };
        var intake = await IntakeAsync(host);
        await host.StopAsync();
        return new(items, events, complaints, open, filled, start, reads, intake, $"{loadBefore} before, {LoadAverage()} after");
    }

    async Task<Measurement> MeasureAsync(HttpClient http, BenchHost host, string name, HttpMethod method, string path, string who, string? cookie = null, int? requests = null)
    {
        // Warm: a freshly started host compiles and recompiles (tiered JIT with dynamic PGO) on a background
        // thread for thousands of requests, and that CPU is the host's: the inbox API on a 100k store cost
        // the host 7.2 ms of CPU a request after 600, 2.1 ms after 1,700, and the head's inbox page, the
        // first read after the start, stayed level at 20 ms for rounds on end while the JIT caught up. So
        // rounds of a second (10 requests at least) until, two rounds in a row, the host's CPU a request is
        // within 10 % of the round before and no more than the round's time a request (plus 15 %: nothing
        // else busy in the host); 300 requests at least, WarmUpSeconds at most. (With one such round, the
        // head's page on the 1M store was measured at 23.6 ms of CPU a request after 360.)
        var (first, status) = await SendAsync(http, method, path, cookie);
        if (status is not null) return new(name, path, who, null, null, null, 0, status);
        var warmUps = 1;
        for (var (warming, round, settled) = (Stopwatch.StartNew(), double.PositiveInfinity, 0); warming.Elapsed < options.WarmUpSeconds;)
        {
            var (before, sent, clock) = (Cpu(host.ProcessId), 0, Stopwatch.StartNew());
            for (; sent < 10 || clock.Elapsed < TimeSpan.FromSeconds(1); sent++)
            {
                (_, status) = await SendAsync(http, method, path, cookie);
                if (status is not null) return new(name, path, who, first, null, null, 0, status);
            }
            warmUps += sent;
            var previous = round;
            round = (Cpu(host.ProcessId) - before) / sent;
            settled = round >= 0.9 * previous && round <= 1.15 * clock.Elapsed.TotalMilliseconds / sent ? settled + 1 : 0;
            if (warmUps >= 300 && settled >= 2) break;
        }

        var (hostCpu, pgCpu) = (Cpu(host.ProcessId), Backends().ToDictionary(p => p, Cpu));
        var times = new List<double>();
        // At least 2 requests, then up to `requests` (Requests) within two minutes.
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < (requests ?? options.Requests) && (i < 2 || budget.Elapsed < TimeSpan.FromMinutes(2)); i++)
        {
            (var ms, status) = await SendAsync(http, method, path, cookie);
            if (status is not null) return new(name, path, who, first, null, null, 0, status);
            times.Add(ms);
        }
        var hostMs = (Cpu(host.ProcessId) - hostCpu) / times.Count;
        var pgMs = Backends().Sum(p => Cpu(p) - pgCpu.GetValueOrDefault(p)) / times.Count;
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))];
        var result = new Measurement(name, path, who, first, P(0.5), P(0.95), times.Count, "ok", hostMs, pgMs, warmUps);
        Console.WriteLine($"scaling: {name}: first {first:F0} ms, p50 {result.P50Ms:F1} ms, p95 {result.P95Ms:F1} ms ({times.Count} requests after {warmUps}); " +
                          $"CPU a request: host {hostMs:F1} ms, PostgreSQL {pgMs:F1} ms");
        return result;
    }

    /// One request: its time, or why it has no answer worth timing.
    async Task<(double Ms, string? Status)> SendAsync(HttpClient http, HttpMethod method, string path, string? cookie)
    {
        using var request = new HttpRequestMessage(method, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        else request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Console.WriteLine($"scaling: {path}: {(int)response.StatusCode}");
                return (0, $"{(int)response.StatusCode}");
            }
        }
        catch (TaskCanceledException)
        {
            return (0, $"no answer within {http.Timeout.TotalMinutes} min");
        }
        return (clock.Elapsed.TotalMilliseconds, null);
    }

    /// Closed-loop intake after a warm-up of half as long; the work items it made are marked
    /// cancelled after, so the next size's open work is the data set's alone.
    async Task<Intake?> IntakeAsync(BenchHost host)
    {
        if (options.IntakeSeconds <= TimeSpan.Zero) return null;
        var load = new IntakeLoad(host.Url, key);
        await load.RunClosedAsync(options.IntakeSeconds / 2, connections: 32);
        var backends = Backends();
        var (hostBefore, pgBefore) = (Cpu(host.ProcessId), backends.ToDictionary(p => p, Cpu));
        var (perSecond, errors, _, _) = await load.RunClosedAsync(options.IntakeSeconds, connections: 32);
        var hostCpu = Cpu(host.ProcessId) - hostBefore;
        // Backends that started during the run count whole; one that ended is lost (rare: the pool keeps them).
        var pgCpu = Backends().Sum(p => Cpu(p) - pgBefore.GetValueOrDefault(p));
        var reports = perSecond * options.IntakeSeconds.TotalSeconds;
        options.Psql.Run("""UPDATE work_items SET "Stage" = 'Final', "State" = 'Cancelled' WHERE "Fields" IS DISTINCT FROM '{"bench":true}' AND "Stage" <> 'Final'""");
        // The inbox's tallies added up, as the clock's job does each minute (the clock is off here): left as they
        // are, the next size's inbox would add up every row intake and the cancelling wrote.
        options.Psql.Run(Routing.Engine.WorkItems.WorkItemTallies.FoldPostgres);
        Console.WriteLine($"scaling: intake {perSecond:F0}/s, CPU a report: host {hostCpu / reports:F2} ms, PostgreSQL {pgCpu / reports:F2} ms");
        return new(perSecond, errors, hostCpu / reports, pgCpu / reports);
    }

    List<int> Backends() => [.. options.Psql.Run("""
        SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
        """).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];

    /// A process's user and system CPU so far, in ms (0 when it is gone or not readable).
    static double Cpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of stat(5); these start at field 3. Clock ticks of 10 ms (USER_HZ 100).
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// As many complaints as work items (the scan reads them all), over the patterns data set's
    /// 24 months, with the units sold it compares them with.
    void GrowComplaints(long size)
    {
        var present = Count("complaints");
        string Pick(string[] values, int salt) => $"(ARRAY['{string.Join("','", values)}'])[1 + (hashint4((i + {salt})::int) & 2147483647) % {values.Length}]";
        options.Psql.Run($"""
            SET synchronous_commit = off;
            INSERT INTO exposure ("Product", "Region", "Month", "UnitsSold", "ImportedAt", "ImportId")
            SELECT 'HX-' || (200 + 10 * p), r, (2024 + (9 + m) / 12) * 100 + 1 + (9 + m) % 12, 20000 + (p * 7919 + n * 104729 + m * 1299709) % 180000,
              now(), '00000000-0000-0000-0000-000000000024'
            FROM generate_series(0, 19) p, unnest(ARRAY['{string.Join("','", PatternsData.Regions)}']) WITH ORDINALITY AS x(r, n), generate_series(0, 23) m
            ON CONFLICT DO NOTHING;
            INSERT INTO complaints ("Id", "ReceivedAt", "Product", "Category", "Region", "AgeGroup", "Accessibility", "Channel", "Vendor", "Depot",
              "Summary", "ContentHash", "ImportedAt", "ImportId")
            SELECT 'scale-' || i, '2024-10-01 00:00:00+00'::timestamptz + ((hashint4(i::int) & 2147483647) % (730 * 86400)) * interval '1 second',
              {Pick([.. PatternsData.Products], 1)}, {Pick(["quality", "supply", "design", "marketing", "sales-conduct", "pricing", "policy", "third-party", "other"], 2)},
              {Pick(PatternsData.Regions, 3)}, {Pick(["18-34", "35-49", "50-64", "65+"], 4)},
              CASE WHEN (hashint4((i + 5)::int) & 2147483647) % 20 = 0 THEN 'low vision' END, {Pick(["phone", "web", "email", "chat"], 6)},
              {Pick(["Acme Controls", "Borealis Parts", "Cobalt Components", "Delta Thermal"], 7)}, {Pick(["Toledo", "Reno", "Tulsa", "Albany", "Fresno", "Macon"], 8)},
              'stops heating', md5('scale-' || i), now(), '00000000-0000-0000-0000-000000000024'
            FROM generate_series({present + 1}, {size}) i;
            ANALYZE complaints;
            """);
        // Written with SQL, not imported: counted for the scan as the migration counts a store's complaints.
        options.Psql.Run(Routing.Engine.Patterns.ComplaintTallies.Fill(postgres: true));
    }

    /// The machine's 1-minute load average (Linux), beside figures that depend on it.
    static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    async Task<string> CreateKeyAsync(HttpClient http, string role, params string[] departments)
    {
        var body = new JsonObject
        {
            ["name"] = $"bench-{role}-{Guid.NewGuid():N}", ["role"] = role, ["departments"] = new JsonArray([.. departments.Select(d => JsonValue.Create(d))]),
        };
        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/keys")
        {
            Content = new StringContent(body.ToJsonString(), null, "application/json"), Headers = { Authorization = new("Bearer", key) },
        });
        return (string)JsonNode.Parse(await PatternsSuite.Ok(response))!["key"]!;
    }
}
