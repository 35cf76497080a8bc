using Microsoft.Extensions.Time.Testing;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Store;

/// A setting the host cannot work with stops its start, with a message that names the setting,
/// rather than a host that starts and fails later (or never says why).
public sealed class BadSettingsTests
{
    [Theory]
    [InlineData("Routing:Clock:DispatchCron", "nonsense", "Routing:Clock:DispatchCron")]
    [InlineData("Routing:Clock:BatchSize", "0", "Routing:Clock:BatchSize")]
    [InlineData("Routing:Clock:Window", "-00:00:30", "Routing:Clock:Window")]
    [InlineData("Routing:Rules:RefreshEvery", "-00:00:02", "Routing:Rules:RefreshEvery")]
    [InlineData("Routing:Rules:EvaluationBudget", "00:00:00", "Routing:Rules:EvaluationBudget")]
    [InlineData("Routing:Rules:Folder", " ", "Routing:Rules:Folder")]
    [InlineData("Routing:History:SealEvery", "-00:00:01", "Routing:History:SealEvery")]
    [InlineData("Routing:Telemetry:ManagementPort", "70000", "Routing:Telemetry:ManagementPort")]
    [InlineData("Routing:Telemetry:ManagementPort", "5080", "must differ from the ports in Urls")]
    [InlineData("Routing:Auth:BootstrapAdminKey", "too-short", "Routing:Auth:BootstrapAdminKey")]
    [InlineData("Routing:PublicUrl", "routing.example.com", "Routing:PublicUrl")]
    [InlineData("Routing:Auth:Sessions:IdleTimeout", "00:00:00", "Routing:Auth:Sessions:IdleTimeout")]
    [InlineData("Routing:Webhooks:AllowedHosts:0", "10.0.0.0/33", "Routing:Webhooks:AllowedHosts:0")]
    [InlineData("Routing:Console:UndoWithin", "00:00:00", "Routing:Console:UndoWithin")]
    [InlineData("Routing:Console:UndoWithin", "00:10:00", "Routing:Console:UndoWithin")]
    [InlineData("Routing:Storage:Provider", "Mysql", "Routing:Storage:Provider")]
    [InlineData("Routing:Proxy:KnownProxies:0", "balancer.internal", "Routing:Proxy:KnownProxies:0")]
    [InlineData("Routing:Proxy:KnownNetworks:0", "10.0.1.0", "Routing:Proxy:KnownNetworks:0")]
    [InlineData("ConnectionStrings:Routing", "", "ConnectionStrings:Routing")]
    [InlineData("Routing:Email:Host", "smtp.example.com", "Routing:Email:From")] // a server but no sender
    [InlineData("Routing:Email:DailyDigestCron", "at seven", "Routing:Email:DailyDigestCron")]
    // Senders .NET takes but MimeKit, which sends, does not: a list, a display name with a colon (a group).
    [InlineData("Routing:Email:From", "r@example.com, s@example.com", "Routing:Email:From")]
    [InlineData("Routing:Email:From", "Routing: Ops <r@example.com>", "Routing:Email:From")]
    public async Task A_bad_setting_stops_the_start_and_names_the_setting(string setting, string value, string named)
    {
        await using var store = TestStore.Sqlite();
        var extra = new Dictionary<string, string> { [setting] = value };
        // A PostgreSQL store without its connection string.
        if (setting == "ConnectionStrings:Routing") extra["Routing:Storage:Provider"] = "Postgres";
        // A sender is checked where there is a server to send through.
        if (setting == "Routing:Email:From") extra["Routing:Email:Host"] = "smtp.example.com";
        await using var app = new RoutingApplication(store, new FakeTimeProvider(RoutingFixture.Start)) { Extra = extra };

        Assert.Contains(named, app.WhyStartFails());
    }

    [Fact]
    public async Task A_host_process_with_a_bad_setting_exits_naming_it()
    {
        await using var store = TestStore.Sqlite();
        await using var host = new HostProcess(store, extra: new Dictionary<string, string> { ["Routing__Clock__DispatchCron"] = "nonsense" });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);

        Assert.Contains("The host exited", failure.Message);
        Assert.Contains("Routing:Clock:DispatchCron (nonsense) is not a cron expression", failure.Message);
    }
}
