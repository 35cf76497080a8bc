using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Contract;

/// The integrator's tools, pinned by tests/contract/package-lock.json and installed there by
/// ./test.sh (`npm ci`): Spectral, openapi-typescript, tsc, run with Node.js.
public static class NodeTools
{
    public sealed record Ran(string Command, int ExitCode, string Output, TimeSpan Took)
    {
        public override string ToString() => $"$ {Command}\n(exit {ExitCode}, {Took.TotalSeconds:0.0} s)\n{Output}";
    }

    public static string Folder { get; } = Path.Combine(RepositoryFolder.Root, "tests", "contract");
    static string Modules => Path.Combine(Folder, "node_modules");

    /// Why the tools cannot run here (null when they can): say what to do, never skip.
    public static string? Missing()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            node.WaitForExit();
            if (node.ExitCode != 0) return "`node --version` failed: run ./test.sh, which installs Node.js and npm from apt.";
        }
        catch (Win32Exception)
        {
            return "Node.js is not installed: run ./test.sh, which installs Node.js and npm from apt (apt-get install nodejs npm) and runs `npm ci` in tests/contract.";
        }
        foreach (var tool in new[] { "spectral", "openapi-typescript", "tsc" })
            if (!File.Exists(Path.Combine(Modules, ".bin", tool)))
                return $"tests/contract/node_modules/.bin/{tool} is missing: run ./test.sh (or `npm ci` in tests/contract), which installs the versions package-lock.json pins.";
        return null;
    }

    /// A package's command (node_modules/.bin/NAME) run by node in `folder`.
    public static Task<Ran> RunToolAsync(string folder, string tool, params string[] args) =>
        RunNodeAsync(folder, new Dictionary<string, string>(), [Path.Combine(Modules, ".bin", tool), .. args], display: $"{tool} {string.Join(' ', args)}");

    /// `node ARGS` in `folder`, stdout and stderr interleaved as they came; killed after 3 minutes.
    public static async Task<Ran> RunNodeAsync(string folder, IDictionary<string, string> environment, string[] args, string? display = null)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        // Spectral's dependency would otherwise try to send telemetry.
        start.Environment["SCARF_ANALYTICS"] = "false";
        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output) output.AppendLine("(killed: still running after 3 minutes)");
        }
        // WaitForExit (no timeout) also waits for the redirected streams to end.
        process.WaitForExit();
        lock (output) return new Ran(display ?? $"node {string.Join(' ', args)}", process.ExitCode, output.ToString(), clock.Elapsed);
    }
}
