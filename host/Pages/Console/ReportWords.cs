using System.Globalization;
using Routing.Engine.Departments;
using Routing.Engine.History.Events;
using Routing.Engine.Reports;

namespace Routing.Host.Pages.Console;

/// A report's numbers and segment as a person reads them.
internal static class ReportWords
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// "2.0 %": affected units over units sold (rates under 0.1 % keep their first digits).
    public static string? FailureRate(Report r)
    {
        if (r.FailureRate is not { } rate) return null;
        var percent = rate * 100;
        return (percent is 0 or >= 0.1 ? percent.ToString("0.0", Invariant) : percent.ToString("0.0##", Invariant)) + " %";
    }

    public static string Count(int n) => n.ToString("N0", Invariant);

    /// The segment's parts that the report names: region, months, age group, accessibility need.
    public static IReadOnlyList<(string Label, string Value)> Segment(Report r) =>
    [
        .. r.Region is { } region ? [("Region", region)] : Array.Empty<(string, string)>(),
        .. r.Months.Count > 0 ? [("Months", Months(r.Months))] : Array.Empty<(string, string)>(),
        .. r.AgeGroup is { } age ? [("Age group", age)] : Array.Empty<(string, string)>(),
        .. r.Accessibility is { } need ? [("Accessibility", need)] : Array.Empty<(string, string)>(),
    ];

    /// "November to May" when the months run on (across the new year too), else "January, March, July".
    public static string Months(IReadOnlyList<int> months)
    {
        var set = months.Distinct().Order().ToList();
        string Name(int m) => Invariant.DateTimeFormat.GetMonthName(m);
        if (set.Count is 1 or 12) return set.Count == 1 ? Name(set[0]) : "all year";
        // One run, possibly across December: exactly one month of the set has its predecessor missing.
        var starts = set.Where(m => !set.Contains(m == 1 ? 12 : m - 1)).ToList();
        if (starts.Count != 1) return string.Join(", ", set.Select(Name));
        var first = starts[0];
        var last = (first + set.Count - 2) % 12 + 1;
        return $"{Name(first)} to {Name(last)}";
    }

    /// How a recurrence raised an item's priority ("P3 → P1"), from the history event that recorded it; null for other events.
    public static string? Raised(string kind, string data) =>
        HistoryData.Read(kind, data) is WorkItemReprioritized r ? $"{r.Before.Priority} → {r.After.Priority}" : null;

    /// A department's name in the active rules; its id when the rules no longer name it.
    public static string DepartmentName(IDepartmentDirectory directory, string department) => directory.Find(department)?.Name ?? department;
}
