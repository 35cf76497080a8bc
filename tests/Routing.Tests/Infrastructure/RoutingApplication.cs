using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Routing.Tests.Infrastructure;

/// The real host, on a real store. With a fake clock the test moves time and fires due
/// timers itself; without one (`clock: null`) Hangfire runs and fires them in real time.
public sealed class RoutingApplication(TestStore store, FakeTimeProvider? clock, string? rulesFolder = null)
    : WebApplicationFactory<Program>
{
    /// The admin key every test host bootstraps; its clients send it unless told otherwise.
    public const string AdminKey = "test-admin-key-0123456789abcdef0123456789";
    public const string AdminName = "bootstrap-admin";

    /// Hangfire logs through one provider a process, set by the last host that started. Once that host
    /// was disposed, a logger Hangfire made for another host (its job client, resolved late) asked the
    /// disposed host's logger factory and threw ObjectDisposedException; made for its global job filters,
    /// the failure stuck to their type for the rest of the run. Tests do not read Hangfire's own logs.
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new("Bearer", AdminKey);
    }

    /// A client that sends `key` (or no key at all).
    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = key is null ? null : new("Bearer", key);
        return client;
    }

    /// What a host that must refuse to start says why: the exception, or, when WebApplicationFactory
    /// loses the race with the failed host's own disposal and throws ObjectDisposedException instead
    /// (dotnet/aspnetcore#33494), the host's log of why it stopped, which is what an operator reads.
    public string WhyStartFails()
    {
        var failure = Assert.ThrowsAny<Exception>(() => CreateClient());
        return failure is ObjectDisposedException ? Logs.All : failure.ToString();
    }

    /// What every test host runs with, in process or as its own process: the store, the
    /// admin key, the rules, and (on the real clock) a dispatch every second so short test
    /// SLAs do not wait for the minute.
    /// Everything the host logs, at every level.
    public CapturedLogs Logs { get; } = new();

    /// Settings a fixture adds to (or overrides in) every host it starts.
    public Dictionary<string, string> Extra { get; init; } = [];

    internal static Dictionary<string, string> Settings(TestStore store, string? rulesFolder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Routing:Storage:Provider"] = store.Provider,
            ["ConnectionStrings:Routing"] = store.ConnectionString,
            ["Routing:Auth:BootstrapAdminKey"] = AdminKey,
            ["Routing:Clock:DispatchCron"] = "* * * * * *",
            // The tests' webhook receiver listens on loopback, which webhooks may reach only when allowed.
            [$"{Routing.Engine.Notifications.WebhookOptions.Section}:AllowedHosts:0"] = WebhookReceiver.Host,
        };
        settings["Routing:Rules:Folder"] = rulesFolder ?? TestRules.Standard;
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (name, value) in Settings(store, rulesFolder).Concat(Extra)) builder.UseSetting(name, value);
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
        if (clock is not null)
        {
            builder.UseSetting("Routing:Clock:Enabled", "false");
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        }
    }
}
