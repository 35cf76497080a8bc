using Routing.Tests.Infrastructure;

namespace Routing.Tests.Telemetry;

/// One host as its own process (the meters are process-wide: a host in the test process would
/// count every other test's reports), on PostgreSQL (for its database spans), with acknowledgement
/// windows of 2 s, logistics' webhook on a receiver, OTLP to a collector stub and a management port.
/// Shared by the metrics and trace tests, which run one after the other (their counts are exact).
public sealed class TelemetryHost : IAsyncLifetime
{
    public const string Collection = "telemetry host";

    readonly TestStore store = TestStore.Postgres();
    string rules = "";

    public HostProcess Host { get; private set; } = null!;
    public WebhookReceiver Receiver { get; private set; } = null!;
    public OtlpCollector Collector { get; private set; } = null!;
    public int ManagementPort { get; } = HostProcess.FreePort();
    public Uri Management => new($"http://127.0.0.1:{ManagementPort}");
    public const string ServiceName = "routing-telemetry-test";
    /// The credential in the path of logistics' webhook URL.
    public const string WebhookCredential = "T0KENinTHEpath7f3a9c";

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        Collector = await OtlpCollector.StartAsync();
        rules = ShortSlaRules.Create(TimeSpan.FromSeconds(2), Receiver.DepartmentsWithWebhook("logistics", $"{Receiver.Url}/{WebhookCredential}"));
        var settings = new Dictionary<string, string>(Collector.Environment)
        {
            ["Routing__Telemetry__ManagementPort"] = ManagementPort.ToString(),
            // The standard variables name the service (the host's own default is "routing").
            ["OTEL_SERVICE_NAME"] = ServiceName,
            // The levels as shipped (appsettings.json), not the test hosts' quiet Warning: what an operator's
            // collector receives. The "routed" line is among them; the trace test looks for it.
            ["Logging__LogLevel__Default"] = "Information",
        };
        Host = new HostProcess(store, rules, settings);
        await Host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Collector.DisposeAsync();
        await Receiver.DisposeAsync();
        await store.DisposeAsync();
        Directory.Delete(rules, recursive: true);
    }
}

[CollectionDefinition(TelemetryHost.Collection)]
public sealed class TelemetryHostCollection : ICollectionFixture<TelemetryHost>;
