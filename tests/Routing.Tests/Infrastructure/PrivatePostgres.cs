using System.Diagnostics;

namespace Routing.Tests.Infrastructure;

/// A PostgreSQL server of its own (started by scripts/postgres.sh, like the shared one),
/// for a drill that stops it: the shared server stays up for every other test. It keeps
/// PostgreSQL's durable defaults: with the shared server's synchronous_commit=off a crash
/// loses the last acknowledged commits, which the outage drill caught.
public sealed class PrivatePostgres : IAsyncDisposable
{
    readonly string data;
    readonly string bin;

    PrivatePostgres(string data, string connectionString, string bin) => (this.data, ConnectionString, this.bin) = (data, connectionString, bin);

    public string ConnectionString { get; }

    public static async Task<PrivatePostgres> StartAsync()
    {
        var script = Path.Combine(RepositoryFolder.Root, "scripts", "postgres.sh");
        var lines = (await RunAsync("bash", "-c",
            "PGTEST_DURABLE=1 && source \"$0\" && postgres_start >&2 && printf '%s\\n%s\\n%s\\n' \"$PGDATA_TEST\" \"$ROUTING_TEST_POSTGRES\" \"$PGBIN\"", script))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new PrivatePostgres(lines[0], lines[1], lines[2]);
    }

    /// Stops the server the hard way (as a crash or a kill would).
    public Task StopAsync() => PgCtlAsync("-m", "immediate", "-w", "stop");

    /// Starts it again with the options it was first started with.
    public Task StartAgainAsync() =>
        PgCtlAsync("-w", "-l", Path.Combine(Path.GetDirectoryName(data)!, "run", "postgres.log"), "restart");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException) { } // already stopped
        Directory.Delete(Path.GetDirectoryName(data)!, recursive: true);
    }

    Task PgCtlAsync(params string[] args)
    {
        string[] command = [Path.Combine(bin, "pg_ctl"), "-D", data, .. args];
        // initdb and pg_ctl refuse to run as root: the cluster belongs to the postgres user.
        return Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", .. command]) : RunAsync(command[0], command[1..]);
    }

    static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
