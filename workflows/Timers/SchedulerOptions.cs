namespace Routing.Workflows.Timers;

/// How timers are handed to Hangfire, the scheduler that fires them. The settings keep their
/// historic section name, Routing:Clock (operators' files and the README use it); "clock"
/// elsewhere in the code means the domain's <see cref="TimeProvider"/>.
/// <code>
/// "Routing": { "Clock": { "Enabled": true, "DispatchCron": "*/15 * * * * *", "Window": "00:00:30", "BatchSize": 100 } }
/// </code>
public sealed class SchedulerOptions
{
    public const string Section = "Routing:Clock";

    /// Off: no Hangfire server in this process (tests drive the timers themselves).
    public bool Enabled { get; set; } = true;
    /// How often the dispatcher looks for timers coming due.
    public string DispatchCron { get; set; } = "*/15 * * * * *";
    /// How far ahead each dispatch looks; a little more than the cron period so nothing falls between two runs.
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);
    /// A timer still pending this long after its due time was handed to a job that was lost: hand it again.
    public TimeSpan LostAfter { get; set; } = TimeSpan.FromSeconds(30);
    /// Timers fired by one Hangfire job; smaller batches let more workers share a burst.
    public int BatchSize { get; set; } = 100;
    /// Hangfire's polling for scheduled jobs: a timer fires within about this long after it is due.
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// Set by the host when Hangfire keeps its jobs in memory, so they are gone after a restart.
    public bool JobsInMemory { get; set; }

    /// Whether Hangfire takes `cron`: five fields, or six with the seconds first.
    internal static bool IsCron(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron)) return false;
        try
        {
            var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            Cronos.CronExpression.Parse(cron, fields == 6 ? Cronos.CronFormat.IncludeSeconds : Cronos.CronFormat.Standard);
            return true;
        }
        catch (Cronos.CronFormatException)
        {
            return false;
        }
    }
}
