using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Routing.Tests.Infrastructure;
using Routing.Workflows.Timers;

namespace Routing.Tests.Workflows;

/// Hangfire stores a job with its class's name: jobs scheduled before the jobs' class was
/// renamed (ClockJobs, now TimerJobs) still find a class of that name, with every method.
public sealed class StoredJobTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task Jobs_stored_under_the_former_class_name_still_run()
    {
        var stored = Hangfire.Common.TypeHelper.DefaultTypeResolver("Routing.Workflows.Timers.ClockJobs, Routing.Workflows");
        foreach (var method in typeof(TimerJobs).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            Assert.NotNull(stored.GetMethod(method.Name, [.. method.GetParameters().Select(p => p.ParameterType)]));

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService(stored);
        await (Task)stored.GetMethod(nameof(TimerJobs.DeliverDueNotificationsAsync))!.Invoke(job, [CancellationToken.None])!;
    }
}
