namespace Routing.Engine.Imports;

/// How far a long import has come: lines read so far, and what the batches written so far did.
internal sealed record ImportProgress(long Lines, long Accepted, long Duplicates, long Rejected);
