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
}
