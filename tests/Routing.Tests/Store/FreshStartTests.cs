using Routing.Tests.Infrastructure;

namespace Routing.Tests.Store;

/// What an operator sees when the service first starts: a new store is made without a
/// warning or an error in the log.
public sealed class FreshStartTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task A_new_store_is_created_without_a_warning_in_the_log(string provider)
    {
        await using var store = provider == "Sqlite" ? TestStore.Sqlite() : TestStore.Postgres();
        await using var host = new HostProcess(store, extra: new Dictionary<string, string> { ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information" });

        await host.StartAsync();
        // The log is written from a queue: once the last start-up line is in, every earlier one is.
        await Eventually.HoldsAsync(() => Task.FromResult(host.Output.Contains("Application started.")), TimeSpan.FromSeconds(30),
            "the host logs that it started", () => Task.FromResult(host.Output));

        Assert.DoesNotContain("warn:", host.Output);
        Assert.DoesNotContain("fail:", host.Output);
        Assert.DoesNotContain("crit:", host.Output);
    }
}
