using Routing.Engine.Notifications;
using Routing.Tests.Patterns;
using Routing.Workflows.Notifications;

namespace Routing.Tests.Notifications;

/// The digests go out as Hangfire's recurring jobs, registered at start where e-mail is configured.
public sealed class EmailDigestScheduleTests
{
    [Fact]
    public void The_digests_are_recurring_jobs_where_email_is_configured_and_go_when_it_is_not()
    {
        var recurring = new RecurringJobs();
        var options = new EmailOptions { Host = "smtp.example.test", From = "routing@example.test", DailyDigestCron = "0 6 * * *" };

        EmailDigests.Register(recurring, options);
        Assert.Equal(("RunAsync", "0 * * * *"), recurring.Jobs[EmailDigests.HourlyJobId]);
        Assert.Equal(("RunAsync", "0 6 * * *"), recurring.Jobs[EmailDigests.DailyJobId]);

        EmailDigests.Register(recurring, new EmailOptions());
        Assert.Empty(recurring.Jobs);
    }

    static DateTimeOffset Utc(string at) => DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_late_run_reports_on_the_same_period_as_the_run_on_time()
    {
        var utc = TimeZoneInfo.Utc;
        var onTime = EmailDigests.Period("0 7 * * *", utc, Utc("2026-11-25T07:00:02Z"));
        Assert.Equal((Utc("2026-11-24T07:00Z"), Utc("2026-11-25T07:00Z")), onTime);
        Assert.Equal(onTime, EmailDigests.Period("0 7 * * *", utc, Utc("2026-11-25T08:10Z")));
        // The next day's period starts where this one ended, however late this one ran.
        Assert.Equal((Utc("2026-11-25T07:00Z"), Utc("2026-11-26T07:00Z")), EmailDigests.Period("0 7 * * *", utc, Utc("2026-11-26T07:30Z")));
        Assert.Equal((Utc("2026-11-25T10:00Z"), Utc("2026-11-25T11:00Z")), EmailDigests.Period(EmailDigests.HourlyCron, utc, Utc("2026-11-25T11:59Z")));
    }

    [Fact]
    public void A_daily_digest_across_the_spring_change_to_summer_time_covers_23_hours_with_no_gap_or_overlap()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // 07:00 in Berlin: 06:00 UTC in winter; 05:00 UTC from Sunday 29 March 2026 (summer time).
        var before = EmailDigests.Period("0 7 * * *", berlin, Utc("2026-03-28T06:00:01Z"))!.Value;
        var across = EmailDigests.Period("0 7 * * *", berlin, Utc("2026-03-29T05:00:01Z"))!.Value;
        var after = EmailDigests.Period("0 7 * * *", berlin, Utc("2026-03-30T05:00:01Z"))!.Value;

        Assert.Equal(before.To, across.From);
        Assert.Equal(across.To, after.From);
        Assert.Equal(Utc("2026-03-29T05:00Z"), across.To);
        Assert.Equal(TimeSpan.FromHours(23), across.To - across.From);
        Assert.Equal(TimeSpan.FromHours(24), after.To - after.From);
    }
}
