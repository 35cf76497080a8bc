namespace Routing.Tests.Infrastructure;

/// A span as an OTLP collector receives it (ExportTraceServiceRequest: 1 ResourceSpans → 2 ScopeSpans
/// (1 scope: 1 name) → 2 Span: 1 trace id, 2 span id, 4 parent span id, 5 name, 6 kind, 9 attributes).
public sealed record OtlpSpan(string TraceId, string SpanId, string ParentSpanId, string Name, OtlpSpan.SpanKind Kind, string Scope,
    IReadOnlyDictionary<string, string> Attributes)
{
    public enum SpanKind { Unspecified, Internal, Server, Client, Producer, Consumer }

    public static IEnumerable<OtlpSpan> Read(byte[] request) =>
        from resource in ProtobufFields.Read(request).Messages(1).Select(ProtobufFields.Read)
        from scopeSpans in resource.Messages(2).Select(ProtobufFields.Read)
        let scope = scopeSpans.Messages(1).Select(ProtobufFields.Read).Select(s => s.Text(1)).FirstOrDefault() ?? ""
        from span in scopeSpans.Messages(2).Select(ProtobufFields.Read)
        select new OtlpSpan(span.Hex(1), span.Hex(2), span.Hex(4), span.Text(5),
            (SpanKind)(span.FirstOrDefault(f => f.Number == 6).Varint), scope, span.Attributes(9));

    public override string ToString() => $"{Kind} {Name} [{Scope}] {SpanId} <- {ParentSpanId}";
}
