using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Routing.Bench;

/// The "patterns" suite, per size of the data set: psql \copy of the complaints file into a
/// bare table (the anchor), our import of the same file over HTTP, a full scan and whether it
/// found the planted patterns; then, with 10,000 candidates, the console's Patterns page and
/// GET /api/patterns?status=open.
internal sealed class PatternsSuite(string url, string key, Psql psql, string work)
{
    public sealed record Size(long Complaints, long FileBytes, double CopySeconds, double ImportSeconds, double ImportPerSecond,
        double Ratio, double ExposureSeconds, double ScanSeconds, long Tested, long Flagged, Dictionary<string, bool> Planted);

    public sealed record Page(int Candidates, int Requests, double? PageP95Ms, string PageStatus, double ApiP95Ms);

    public sealed record Result(IReadOnlyList<Size> Sizes, Page Page);

    // No redirects followed: a page that sends the CSM to sign in again is not measured as the page.
    readonly HttpClient http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(url),
        Timeout = TimeSpan.FromHours(1),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
    };

    public async Task<Result> RunAsync(IReadOnlyList<long> sizes)
    {
        var results = new List<Size>();
        foreach (var size in sizes) results.Add(await SizeAsync(size));
        return new(results, await PageAsync(candidates: 10_000, requests: 200));
    }

    async Task<Size> SizeAsync(long complaints)
    {
        Console.WriteLine($"patterns: {complaints:N0} complaints");
        psql.Run("TRUNCATE complaints, complaint_tallies, exposure, pattern_candidates");
        var folder = Path.Combine(work, "patterns");
        var (file, exposure) = PatternsData.Write(folder, complaints);
        var bytes = new FileInfo(file).Length;
        try
        {
            psql.Run("""
                DROP TABLE IF EXISTS bare_complaints;
                CREATE TABLE bare_complaints ("Id" text, "ReceivedAt" timestamptz, "Product" text, "Category" text, "Region" text,
                  "AgeGroup" text, "Accessibility" text, "Channel" text, "Vendor" text, "Depot" text, "Summary" text)
                """);
            var copy = Time(() => psql.Run($@"\copy bare_complaints FROM '{file}' WITH (FORMAT csv, HEADER true)"));
            psql.Run("DROP TABLE bare_complaints");
            psql.Run("CHECKPOINT");
            Console.WriteLine($"patterns: \\copy {copy:F2} s");

            var exposureSeconds = await TimeAsync(() => PostFileAsync("/api/exposure", exposure, 5760));
            var import = await TimeAsync(() => PostFileAsync("/api/complaints", file, complaints));
            Console.WriteLine($"patterns: import {import:F2} s ({complaints / import:F0} lines/s, {copy / import:F2} x \\copy)");

            JsonNode? scan = null;
            var scanSeconds = await TimeAsync(async () =>
            {
                using var response = await http.PostAsync("/api/patterns/scan", null);
                scan = JsonNode.Parse(await Ok(response));
            });
            Console.WriteLine($"patterns: scan {scanSeconds:F2} s: {scan}");
            var planted = new Dictionary<string, bool>();
            foreach (var p in PatternsData.Patterns) planted[p.Name] = await FoundAsync(p);
            return new(complaints, bytes, copy, import, complaints / import, copy / import, exposureSeconds, scanSeconds,
                (long)scan!["tested"]!, (long)scan["flagged"]!, planted);
        }
        finally
        {
            File.Delete(file);
            File.Delete(exposure);
        }
    }

    async Task PostFileAsync(string path, string file, long lines)
    {
        await using var stream = File.OpenRead(file);
        using var content = new StreamContent(stream, 1 << 16) { Headers = { ContentType = new("text/csv") } };
        using var response = await http.PostAsync(path, content);
        var summary = JsonNode.Parse(await Ok(response))!;
        if ((long)summary["accepted"]! != lines) throw new InvalidOperationException($"{path}: {lines} lines sent, the answer: {summary}");
    }

    /// Whether a candidate of the planted pattern's product and category has its segment.
    async Task<bool> FoundAsync(PatternsData.Planted planted)
    {
        var list = JsonNode.Parse(await http.GetStringAsync($"/api/patterns?product={planted.Product}&pageSize=500"))!.AsArray();
        return list.Any(c =>
        {
            if ((string?)c!["category"] != planted.Category) return false;
            var segment = c["segment"]!;
            return planted.Field == "months"
                ? (string?)segment["region"] == planted.Value && segment["months"]!.AsArray().Select(m => (int)m!).Intersect([12, 1, 2]).Count() == 3
                : (string?)segment[planted.Field] == planted.Value && segment["months"]!.AsArray().Count == 0;
        });
    }

    /// The console's Patterns page and the API's list of open candidates with `candidates` of them stored.
    async Task<Page> PageAsync(int candidates, int requests)
    {
        Console.WriteLine($"patterns: {candidates:N0} candidates, the Patterns page");
        psql.Run($"""
            INSERT INTO pattern_candidates ("Id", "Key", "Product", "Category", "Region", "Months", "Method", "Complaints", "UnitsSold",
              "Rate", "BaselineRate", "Ratio", "PValue", "QValue", "Explanation", "Status", "StillFlagged", "FirstSeenAt", "UpdatedAt")
            SELECT gen_random_uuid(), 'bench|' || i, 'HX-' || (200 + i % 20 * 10), 'quality', 'Region ' || i, ARRAY[]::integer[], 'rate', 20 + i % 500, 10000,
              0.01, 0.004, 2.5, 1e-6 * i, 1e-5 * i, 'HX-' || (200 + i % 20 * 10) || ' Region ' || i || ': a planted bench candidate', 'open', true, now(), now()
            FROM generate_series(1, {candidates}) i
            """);
        var csm = await ConsoleSignIn.CookieAsync(url, await CreateKeyAsync("csm"));
        var (pageP95, pageStatus) = await P95Async(requests, () => new HttpRequestMessage(HttpMethod.Get, "/console/patterns") { Headers = { { "Cookie", csm } } });
        var (apiP95, _) = await P95Async(requests, () => new HttpRequestMessage(HttpMethod.Get, "/api/patterns?status=open"));
        Console.WriteLine($"patterns: page p95 {(pageP95 is { } p ? $"{p:F1} ms" : pageStatus)}, API p95 {apiP95:F1} ms");
        return new(candidates, requests, pageP95, pageStatus, apiP95!.Value);
    }

    /// The 95th percentile of `requests` sequential requests (after a warm-up), or the status that was not 200.
    async Task<(double? P95Ms, string Status)> P95Async(int requests, Func<HttpRequestMessage> request)
    {
        var times = new List<double>();
        for (var i = 0; i < requests + 10; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request());
            await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode == HttpStatusCode.NotFound) return (null, "no page");
            if (response.StatusCode != HttpStatusCode.OK) return (null, $"{(int)response.StatusCode}");
            if (i >= 10) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[(int)(0.95 * times.Count)], "ok");
    }

    async Task<string> CreateKeyAsync(string role)
    {
        using var response = await http.PostAsync("/api/keys", new StringContent(
            $$"""{"name":"bench-{{role}}-{{Guid.NewGuid():N}}","role":"{{role}}","departments":[]}""", null, "application/json"));
        return (string)JsonNode.Parse(await Ok(response))!["key"]!;
    }

    public static async Task<string> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body;
    }

    static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalSeconds;
    }
}
