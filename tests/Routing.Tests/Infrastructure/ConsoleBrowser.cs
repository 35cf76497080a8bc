using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Routing.Tests.Infrastructure;

/// The web console over HTTP as a browser uses it: cookies, https, and forms that carry the
/// anti-forgery token of the page they were sent from.
public static partial class ConsoleBrowser
{
    public static HttpClient Open(RoutingApplication app, bool followRedirects = true)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            // The sign-in cookie is Secure: a browser sends it over https only (or to localhost).
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = followRedirects,
        });
        browser.DefaultRequestHeaders.Authorization = null;
        return browser;
    }

    /// Signs in through the sign-in page and returns where the browser landed.
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string key, string? returnUrl = null) =>
        await browser.PostAsync("/console/sign-in", Form(await browser.GetStringAsync("/console/sign-in"),
            new() { ["key"] = key, ["ReturnUrl"] = returnUrl ?? "" }));

    public static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        return new FormUrlEncodedContent(fields);
    }

    /// A form whose fields may repeat (check boxes of one name).
    public static FormUrlEncodedContent RepeatingForm(string page, IEnumerable<KeyValuePair<string, string>> fields) =>
        new([.. fields, new("__RequestVerificationToken", Token().Match(page).Groups[1].Value)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
