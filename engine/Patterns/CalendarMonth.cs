using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// The calendar month of a complaint's ReceivedAt as yyyymm (202611), in UTC, as SQL: the
/// form units sold are kept in (MonthlySales.Month). On SQLite the column holds EF's binary
/// form of the time, read as MonthOfYear reads it.
internal static class CalendarMonth
{
    const long UnixEpochSeconds = 62_135_596_800; // seconds from 0001-01-01 to 1970-01-01

    public static string Sql(RoutingDb db) => db.Database.IsNpgsql()
        ? """CAST(date_part('year', "ReceivedAt" AT TIME ZONE 'UTC') * 100 + date_part('month', "ReceivedAt" AT TIME ZONE 'UTC') AS integer)"""
        : $"""CAST(strftime('%Y%m', (("ReceivedAt" >> 11) * 1000) / 10000000 - {UnixEpochSeconds}, 'unixepoch') AS INTEGER)""";
}
