using System.Diagnostics;

namespace Routing.Bench;

/// psql on the bench's database (the password comes in PGPASSWORD, as bench/run.sh exports it).
internal sealed class Psql(string program, string port, string database)
{
    public string Run(string sql)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-Atqc", sql])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"psql: {error}");
        return output.Result;
    }
}
