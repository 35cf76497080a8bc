using System.Diagnostics;
using OpenTelemetry;
using Routing.Engine.Departments;

namespace Routing.Host.Telemetry;

/// Outgoing HTTP calls are webhook deliveries, and a webhook URL's path can be its credential
/// (Slack, Teams): the HttpClient instrumentation puts the whole URL in the span (only the query
/// is redacted), so it is shown as the history shows it, scheme and host and a fingerprint.
/// Runs before the exporter, which reads the tags later.
internal sealed class OutgoingUrlMasking : BaseProcessor<Activity>
{
    static readonly string[] UrlTags = ["url.full", "http.url", "url.path"];

    public override void OnEnd(Activity activity)
    {
        if (activity.Kind != ActivityKind.Client || activity.Source.Name != "System.Net.Http") return;
        foreach (var tag in UrlTags)
            if (activity.GetTagItem(tag) is string url)
                activity.SetTag(tag, SecretFields.MaskUrl(url));
    }
}
