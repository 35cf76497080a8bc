using System.Diagnostics;

namespace Routing.Bench;

/// A Release host the suite starts and stops itself (the metrics suite restarts it: to migrate
/// before loading, and to time the backfill, which runs before the host serves).
internal sealed class BenchHost(string dll, string connection, string key, int port, string log,
    IReadOnlyDictionary<string, string>? settings = null) : IAsyncDisposable
{
    Process? process;

    public string Url { get; } = $"http://127.0.0.1:{port}";

    /// The host's process id while it runs (its CPU time is read from /proc), else 0.
    public int ProcessId => process?.Id ?? 0;

    /// Starts it and waits until /health answers; answers the seconds that took.
    public async Task<double> StartAsync(TimeSpan within)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.GetDirectoryName(Path.GetFullPath(dll))!);
        start.Environment["Routing__Storage__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Routing"] = connection;
        start.Environment["Routing__Auth__BootstrapAdminKey"] = key;
        start.Environment["Urls"] = Url;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The backfill's progress is what a slow start-up is waiting for.
        start.Environment["Logging__LogLevel__Routing"] = "Information";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var clock = Stopwatch.StartNew();
        process = Process.Start(start)!;
        var output = File.AppendText(log);
        output.AutoFlush = true;
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (output) output.WriteLine(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (output) output.WriteLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < within)
        {
            if (process.HasExited) throw new InvalidOperationException($"The host stopped while starting (exit {process.ExitCode}); see {log}");
            try
            {
                using var health = await http.GetAsync($"{Url}/health");
                if (health.IsSuccessStatusCode) return clock.Elapsed.TotalSeconds;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The host did not answer /health within {within}; see {log}");
    }

    public async Task StopAsync()
    {
        if (process is null) return;
        if (!process.HasExited)
        {
            // SIGTERM, so it stops as in production (Hangfire's server leaves); killed if it hangs.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); }
        }
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
