using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// The month of a complaint's ReceivedAt, in UTC, as SQL. EF cannot translate
/// DateTimeOffset.Month on SQLite, where the column holds EF's binary form of the time
/// (DateTimeOffsetToBinaryConverter: ticks ÷ 1000 shifted left 11 bits, the offset's minutes
/// below); imports store UTC, so those ticks are UTC ticks.
internal static class ReceivedMonth
{
    // The time as seconds since 1970 for strftime: ticks to seconds, less the 62,135,596,800
    // seconds from 0001-01-01 to 1970-01-01.
    const string SqliteTime = """(("ReceivedAt" >> 11) * 1000) / 10000000 - 62135596800, 'unixepoch'""";

    /// The month of the year, 1–12.
    public static string OfYear(RoutingDb db) => db.Database.IsNpgsql() ? PostgresOfYear : SqliteOfYear;

    public const string PostgresOfYear = """CAST(date_part('month', "ReceivedAt" AT TIME ZONE 'UTC') AS integer)""";
    public const string SqliteOfYear = $"""CAST(strftime('%m', {SqliteTime}) AS INTEGER)""";

    /// The calendar month as yyyymm (202611): the form units sold are kept in (MonthlySales.Month).
    public static string Calendar(RoutingDb db) => db.Database.IsNpgsql()
        ? """CAST(date_part('year', "ReceivedAt" AT TIME ZONE 'UTC') * 100 + date_part('month', "ReceivedAt" AT TIME ZONE 'UTC') AS integer)"""
        : $"""CAST(strftime('%Y%m', {SqliteTime}) AS INTEGER)""";
}
