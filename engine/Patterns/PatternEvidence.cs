using Microsoft.EntityFrameworkCore;
using Routing.Engine.Complaints;
using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// A candidate's complaints, found again from its segment rather than stored with it: the
/// evidence is always what the store holds now, and a candidate of a million complaints costs
/// one row.
internal static class PatternEvidence
{
    public static IQueryable<Complaint> Of(RoutingDb db, PatternCandidate p)
    {
        // Whole numbers from the candidate, not from a request: safe to write into the SQL.
        var inSeason = $"SELECT * FROM complaints WHERE {ReceivedMonth.OfYear(db)} IN ({string.Join(", ", p.Months)})";
        var complaints = p.Months.Count == 0 ? db.Complaints : db.Complaints.FromSqlRaw(inSeason);
        complaints = complaints.Where(c => c.Product == p.Product && c.Category == p.Category);
        if (p.Region is { } region) complaints = complaints.Where(c => c.Region == region);
        if (p.AgeGroup is { } ageGroup) complaints = complaints.Where(c => c.AgeGroup == ageGroup);
        if (p.Accessibility is { } accessibility) complaints = complaints.Where(c => c.Accessibility == accessibility);
        if (p.Channel is { } channel) complaints = complaints.Where(c => c.Channel == channel);
        if (p.Vendor is { } vendor) complaints = complaints.Where(c => c.Vendor == vendor);
        if (p.Depot is { } depot) complaints = complaints.Where(c => c.Depot == depot);
        return complaints.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id);
    }
}
