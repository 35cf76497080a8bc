using System.Globalization;

namespace Routing.Bench;

/// CPU time spent by the hosts' processes or by a PostgreSQL server (its postmaster and every
/// backend, worker and reaped child of it), read from /proc: utime + stime, and for the
/// postmaster cutime + cstime too, so a backend that exited meanwhile still counts.
/// Counts what the machine spent on the work, whatever else shares the cores (unlike a rate).
internal sealed class CpuMeter(int[] hostPids, int? postmasterPid)
{
    // USER_HZ: the unit of /proc's times on Linux (getconf CLK_TCK), 100 on every mainstream kernel.
    const double TicksPerSecond = 100;

    public sealed record Sample(double HostSeconds, double PostgresSeconds);

    public Sample Read() => new(
        hostPids.Length > 0 ? hostPids.Sum(pid => Seconds(pid, withChildren: false)) : double.NaN,
        postmasterPid is { } postmaster ? Seconds(postmaster, withChildren: true) + Children(postmaster).Sum(p => Seconds(p, withChildren: false)) : double.NaN);

    /// Milliseconds per report of each side between two samples.
    public static (double HostMs, double PostgresMs) PerReport(Sample before, Sample after, int reports) =>
        ((after.HostSeconds - before.HostSeconds) * 1000 / reports, (after.PostgresSeconds - before.PostgresSeconds) * 1000 / reports);

    static double Seconds(int pid, bool withChildren)
    {
        var fields = Fields(pid);
        if (fields is null) return 0;
        // Fields after the command's closing parenthesis: state is [0], utime [11], stime [12], cutime [13], cstime [14].
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (withChildren) ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond;
    }

    static IEnumerable<int> Children(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Fields(pid) is { } f && f[1] == parent.ToString(CultureInfo.InvariantCulture));

    /// /proc/PID/stat split after the command (which may hold spaces); null when the process is gone.
    static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
