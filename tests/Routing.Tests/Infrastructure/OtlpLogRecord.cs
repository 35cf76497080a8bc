namespace Routing.Tests.Infrastructure;

/// A log record as an OTLP collector receives it (ExportLogsServiceRequest: 1 ResourceLogs → 2 ScopeLogs
/// → 2 LogRecord: 5 body, 6 attributes, 9 trace id, 10 span id).
public sealed record OtlpLogRecord(string TraceId, string SpanId, string Body, IReadOnlyDictionary<string, string> Attributes)
{
    public static IEnumerable<OtlpLogRecord> Read(byte[] request) =>
        from resource in ProtobufFields.Read(request).Messages(1).Select(ProtobufFields.Read)
        from scopeLogs in resource.Messages(2).Select(ProtobufFields.Read)
        from record in scopeLogs.Messages(2).Select(ProtobufFields.Read)
        select new OtlpLogRecord(record.Hex(9), record.Hex(10),
            record.Messages(5).Select(ProtobufFields.Read).Select(ProtobufFields.AnyValue).FirstOrDefault() ?? "", record.Attributes(6));
}
