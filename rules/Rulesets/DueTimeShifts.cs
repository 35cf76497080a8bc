using System.Text.Json.Serialization;
using System.Xml;

namespace Routing.Rules.Rulesets;

/// How publishing a version would move the due times of the open items whose calendar it
/// changes: how many items, and how far their due times move, signed ISO 8601 durations
/// (`PT3H` later, `-PT2H` earlier) from the one moved most earlier to the one moved most later.
public sealed record DueTimeShifts(IReadOnlyList<DueTimeShifts.DepartmentShifts> ByDepartment)
{
    /// The items of one department, counted on `toCalendar` instead of `fromCalendar` (null: around the clock).
    public sealed record DepartmentShifts(
        [property: JsonPropertyName("department")] string Id, string? FromCalendar, string? ToCalendar, int Items,
        [property: JsonIgnore] TimeSpan EarliestShift, [property: JsonIgnore] TimeSpan LatestShift)
    {
        public string Earliest => XmlConvert.ToString(EarliestShift);
        public string Latest => XmlConvert.ToString(LatestShift);
    }

    public int Items => ByDepartment.Sum(d => d.Items);
    [JsonIgnore] public TimeSpan? EarliestShift => ByDepartment.Count == 0 ? null : ByDepartment.Min(d => d.EarliestShift);
    [JsonIgnore] public TimeSpan? LatestShift => ByDepartment.Count == 0 ? null : ByDepartment.Max(d => d.LatestShift);
    /// Null when no due time moves.
    public string? Earliest => EarliestShift is { } shift ? XmlConvert.ToString(shift) : null;
    public string? Latest => LatestShift is { } shift ? XmlConvert.ToString(shift) : null;
}
