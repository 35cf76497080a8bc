using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Routing.Tests.Infrastructure;

/// The host as its own OS process, as an operator runs it: for drills that kill it
/// (SIGKILL) and start it again on the same store and port.
public sealed class HostProcess : IAsyncDisposable
{
    readonly Dictionary<string, string> settings;
    readonly StringBuilder output = new();
    Process? process;

    public Uri Address { get; }

    /// A host on the store with the given rules (the shipped ones when none are given).
    public HostProcess(TestStore store, string? rulesFolder = null, IDictionary<string, string>? extra = null)
    {
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
        settings = RoutingApplication.Settings(store, rulesFolder ?? TestRules.Standard).ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value);
        settings["Urls"] = Address.ToString();
        settings["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in extra ?? new Dictionary<string, string>()) settings[name] = value;
    }

    /// Starts the host and waits until /health answers 200.
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The host's folder is its content root, as with `dotnet run --project host`: the console's wwwroot is there.
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Routing.Host.dll"), "--contentRoot", Path.Combine(RepositoryFolder.Root, "host") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (name, value) in settings) start.Environment[name] = value;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.HoldsAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited with {process.ExitCode}:\n{Output}");
            try
            {
                return (await probe.GetAsync("/health")).IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "the host answers /health", () => Task.FromResult(Output));
    }

    /// SIGKILL: no shutdown, no flushing; whatever was in flight is cut off.
    public async Task KillAsync()
    {
        if (process is not { HasExited: false }) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public HttpClient Client(TimeSpan? timeout = null, string key = RoutingApplication.AdminKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
