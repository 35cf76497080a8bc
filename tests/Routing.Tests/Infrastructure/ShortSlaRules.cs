using System.Text.RegularExpressions;

namespace Routing.Tests.Infrastructure;

/// The shipped rules with every acknowledgement window cut to seconds, for tests in real time.
public static partial class ShortSlaRules
{
    public static string Create(TimeSpan ackWithin, string? departmentsJson = null)
    {
        var shipped = TestRules.Standard;
        var folder = Directory.CreateTempSubdirectory("routing-rules-").FullName;
        var routing = AckWithin().Replace(TestRules.PartJson(Path.Combine(shipped, "routing.json")),
            $"\"ackWithin\": \"{System.Xml.XmlConvert.ToString(ackWithin)}\"");
        File.WriteAllText(Path.Combine(folder, "routing.json"), routing);
        File.Copy(Path.Combine(shipped, "lifecycles.json"), Path.Combine(folder, "lifecycles.json"));
        File.Copy(Path.Combine(shipped, "calendars.json"), Path.Combine(folder, "calendars.json"));
        File.WriteAllText(Path.Combine(folder, "departments.json"),
            departmentsJson ?? TestRules.PartJson(Path.Combine(shipped, "departments.json")));
        return folder;
    }

    [GeneratedRegex("\"ackWithin\": \"[^\"]+\"")]
    private static partial Regex AckWithin();
}
