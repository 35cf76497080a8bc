namespace Routing.Host.Pages;

/// The short form of an id that the console shows where a person reads one. Ids are version 7
/// UUIDs: their first characters are the time they were made, shared by the items of one report
/// and by reports a moment apart; their last 12 characters are random (48 bits), so two ids of
/// one store share them by chance only (among a page's hundred items, about 1 in 60 000 000 000;
/// among a million items, any two at all, about 1 in 560).
public static class ShortId
{
    public static string Of(Guid id) => id.ToString("N")[^12..];

    public static string Of(string id) => Of(Guid.Parse(id));
}
