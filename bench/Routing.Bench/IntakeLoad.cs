using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Routing.Bench;

/// Drives POST /api/reports over HTTP: closed loop to find the maximum rate, then open
/// loop at a fixed rate for latency (measured from each request's scheduled start, so a
/// slow server cannot hide its queueing). Several hosts (one database) share the requests in turn.
/// With a CpuMeter, the closed loop also says the CPU each report cost the host and PostgreSQL.
internal sealed class IntakeLoad(string[] urls, string key, CpuMeter? cpu = null)
{
    /// ColdPerSecond: the first warm-up round's rate (a fresh host); WarmUpRounds: how many it took to settle.
    public sealed record Result(double MaxPerSecond, int Errors, double RatePerSecond, double P50Ms, double P95Ms, double P99Ms,
        double? HostCpuMsPerReport, double? PostgresCpuMsPerReport, double? ColdPerSecond = null, int WarmUpRounds = 1);

    public IntakeLoad(string url, string key) : this([url], key) { }

    readonly HttpClient[] hosts = [.. urls.Select(url => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        BaseAddress = new Uri(url),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
    })];
    readonly List<(string Key, string Body)> sent = [];
    int counter;

    /// CPU per report: milliseconds of CPU time (user + system) over the closed loop ÷ the requests it
    /// got answered (one in ten a retry), the background work meanwhile included (history sealing, the
    /// clock, the outbox, Hangfire's polling); null when not measured. Not counted: what is left to do
    /// after the loop — measured, the outbox kept up, and what followed was the idle host's polling.
    public sealed record MaxResult(double MaxPerSecond, int Errors, double? HostCpuMsPerReport = null, double? PostgresCpuMsPerReport = null);

    /// Warms the host up in rounds of `warmUp` until its rate settles (within 5 % of the round before) or
    /// `warmUpRounds` have run, then measures. A fresh host under full load took about two minutes to settle
    /// here: its CPU a report fell from 20 to 4.4 ms over six 30-s rounds (tiered JIT with dynamic PGO, which
    /// compiles the hot paths again in the background on cores the load keeps busy). A service runs warm.
    public async Task<Result> RunAsync(TimeSpan warmUp, TimeSpan closed, TimeSpan open, int connections, int warmUpRounds = 1)
    {
        Console.WriteLine("intake: warming up");
        double? cold = null, previous = null;
        var rounds = 0;
        while (rounds < warmUpRounds)
        {
            var rate = (await RunClosedAsync(warmUp, connections)).MaxPerSecond;
            rounds++;
            cold ??= rate;
            if (previous is { } before && Math.Abs(rate - before) <= 0.05 * before) break;
            previous = rate;
        }
        var (max, errors, hostCpu, postgresCpu) = await RunClosedAsync(closed, connections);
        Console.WriteLine($"intake: open loop at {max / 2:F0}/s for {open.TotalSeconds} s");
        var latencies = await OpenLoopAsync(max / 2, open);
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        return new Result(max, errors, max / 2, P(0.50), P(0.95), P(0.99), hostCpu, postgresCpu, cold, rounds);
    }

    public async Task<MaxResult> RunClosedAsync(TimeSpan duration, int connections)
    {
        Console.WriteLine($"intake: closed loop, {connections} connections, {duration.TotalSeconds} s");
        var before = cpu?.Read();
        var (done, errors) = await ClosedLoopAsync(duration, connections);
        var after = cpu?.Read();
        if (done == 0) throw new InvalidOperationException($"No report was accepted ({errors} errors): is the host up, is the key right?");
        var max = done / duration.TotalSeconds;
        var (hostMs, postgresMs) = before is null ? (double.NaN, double.NaN) : CpuMeter.PerReport(before, after!, done);
        double? Measured(double ms) => double.IsNaN(ms) ? null : Math.Round(ms, 3);
        Console.WriteLine($"intake: {max:F0} reports/s at most ({errors} errors); CPU per report: host {hostMs:F2} ms, PostgreSQL {postgresMs:F2} ms");
        return new MaxResult(max, errors, Measured(hostMs), Measured(postgresMs));
    }

    async Task<(int Done, int Errors)> ClosedLoopAsync(TimeSpan duration, int connections)
    {
        var stop = Stopwatch.StartNew();
        int done = 0, errors = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (stop.Elapsed < duration)
            {
                if (await SendAsync()) Interlocked.Increment(ref done);
                else Interlocked.Increment(ref errors);
            }
        }));
        return (done, errors);
    }

    async Task<List<double>> OpenLoopAsync(double rate, TimeSpan duration)
    {
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1 / rate);
        var pending = new List<Task>();
        for (var n = 0; interval * n < duration; n++)
        {
            var scheduled = interval * n;
            if (scheduled > clock.Elapsed) await Task.Delay(scheduled - clock.Elapsed);
            pending.Add(Task.Run(async () =>
            {
                await SendAsync();
                var latency = (clock.Elapsed - scheduled).TotalMilliseconds;
                lock (latencies) latencies.Add(latency);
            }));
        }
        await Task.WhenAll(pending);
        return latencies;
    }

    /// A realistic mix: reports routing to one, two or three departments; one in ten is a
    /// retry of an earlier request with its Idempotency-Key.
    async Task<bool> SendAsync()
    {
        var n = Interlocked.Increment(ref counter);
        (string Key, string Body) request;
        lock (sent)
            request = n % 10 == 0 && sent.Count > 0 ? sent[Random.Shared.Next(sent.Count)] : Remember((Guid.NewGuid().ToString(), Body(n)));
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/reports")
        {
            Content = new StringContent(request.Body, Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("Idempotency-Key", request.Key);
        try
        {
            using var response = await hosts[n % hosts.Length].SendAsync(message);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    (string, string) Remember((string, string) request)
    {
        if (sent.Count < 10_000) sent.Add(request);
        return request;
    }

    static string Body(int n)
    {
        var (category, segment, vendor) = (n % 3) switch
        {
            0 => ("supply", "{}", "null"),                                                   // logistics
            1 => ("quality", "{\"accessibility\": \"low vision\"}", "null"),                  // manufacturing + rnd
            _ => ("quality", "{\"months\": [11, 12, 1]}", "\"acme-parts\""),                  // manufacturing + rnd + vendor
        };
        var severity = new[] { "low", "medium", "high", "critical" }[n % 4];
        return $$"""
            { "title": "Load {{n}}", "product": "bench-{{Guid.NewGuid():N}}", "category": "{{category}}", "reportCount": 3,
              "unitsSold": 1000, "affectedUnits": {{n % 120}}, "segment": {{segment}}, "vendor": {{vendor}}, "severity": "{{severity}}",
              "evidence": ["ticket-{{n}}"], "verifiedBy": "bench", "verifiedAt": "2026-01-01T00:00:00Z" }
            """;
    }
}
