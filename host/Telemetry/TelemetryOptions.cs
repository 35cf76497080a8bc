namespace Routing.Host.Telemetry;

/// Telemetry settings (the OTLP export is set by the standard OTEL_* variables):
/// "Routing": { "Telemetry": { "ManagementPort": 9464 } }
internal sealed class TelemetryOptions
{
    public const string Section = "Routing:Telemetry";

    /// A second port that serves /metrics and /health* without a key, and nothing else; for a
    /// scraper and probes inside the network. None by default: /metrics then needs an admin key.
    public int? ManagementPort { get; set; }

    /// What is wrong with the port, given the host's own addresses (Urls): it must be another port.
    public string? Problem(IEnumerable<string> urls) => ManagementPort switch
    {
        null => null,
        < 1 or > 65535 => $"{Section}:ManagementPort must be a port number (1 to 65535), not {ManagementPort}.",
        { } port when urls.Any(url => BindingAddress.Parse(url).Port == port) =>
            $"{Section}:ManagementPort ({port}) must differ from the ports in Urls: it serves only /metrics and /health.",
        _ => null,
    };
}
