namespace Routing.Engine.Exposure;

/// What writing a batch of units sold did: rows new to the store, rows that replaced another
/// value, rows stored already with the same value.
internal sealed record ExposureWrite(long Inserted, long Replaced, long Unchanged);
