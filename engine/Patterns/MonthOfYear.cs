using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// The month of the year (1–12, in UTC) of a complaint's ReceivedAt, as SQL. EF cannot
/// translate DateTimeOffset.Month on SQLite, where the column holds EF's binary form of the
/// time (DateTimeOffsetToBinaryConverter: ticks ÷ 1000 shifted left 11 bits, the offset's
/// minutes below); imports store UTC, so those ticks are UTC ticks.
internal static class MonthOfYear
{
    const long UnixEpochSeconds = 62_135_596_800; // seconds from 0001-01-01 to 1970-01-01

    public static string Sql(RoutingDb db) => db.Database.IsNpgsql()
        ? """CAST(date_part('month', "ReceivedAt" AT TIME ZONE 'UTC') AS integer)"""
        : $"""CAST(strftime('%m', (("ReceivedAt" >> 11) * 1000) / 10000000 - {UnixEpochSeconds}, 'unixepoch') AS INTEGER)""";
}
