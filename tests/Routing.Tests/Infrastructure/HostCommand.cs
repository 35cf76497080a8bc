using System.Diagnostics;

namespace Routing.Tests.Infrastructure;

/// The host binary run as a command, as `dotnet run --project host -- ARGS` runs it from a
/// checkout: in `folder` (where ./data goes), with the host's folder as its content root.
public static class HostCommand
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// A verb never serves: one still running after 90 s is killed and fails the test.
    public static async Task<Result> RunAsync(string folder, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Routing.Host.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.Combine(RepositoryFolder.Root, "host"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Were a verb to start the service instead, it would not take anyone's port.
        start.Environment["Urls"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`{string.Join(' ', args)}` was still running after 90 s (serving?):\n{await output}\n{await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
