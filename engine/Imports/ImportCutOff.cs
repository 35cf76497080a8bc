namespace Routing.Engine.Imports;

/// Why an import stopped before its last line, as its history event says. Whole batches were
/// stored before it; a retry of the same file completes it.
internal static class ImportCutOff
{
    public static string Why(Exception e) => e switch
    {
        OperationCanceledException => "cancelled",
        // Reading the body: the host's "unexpected end of request content" is an IOException too.
        IOException => "the connection dropped",
        _ => "failed",
    };
}
