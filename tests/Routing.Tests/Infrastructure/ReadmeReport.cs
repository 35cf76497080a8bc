using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Routing.Tests.Infrastructure;

/// The report the README's first curl submits (the HX-200 heater failing in Michigan's winters).
public static class ReadmeReport
{
    public static JsonObject Body()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "README.md"));
        var body = Regex.Match(readme, @"-X POST http://localhost:5080/api/reports .*?-d '(?<body>\{.*?\})'", RegexOptions.Singleline).Groups["body"].Value;
        return JsonNode.Parse(body)!.AsObject();
    }
}
