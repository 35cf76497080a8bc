using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Routing.Host.Telemetry;

/// Samples every trace except one that starts with a database or HTTP call: with nothing
/// around it, that is a background poll (Hangfire's queue, the sealer, the dispatcher, several
/// a second on every host), not work anybody asked for. Work done in a job (a timer batch, a
/// delivery) starts with our own span, so its calls are kept.
internal sealed class QuietBackgroundSampler : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
        parameters.Kind == ActivityKind.Client ? new(SamplingDecision.Drop) : new(SamplingDecision.RecordAndSample);
}
