using System.Net;
using System.Text.RegularExpressions;

namespace Routing.Bench;

/// A console session for the bench's page measurements.
internal static partial class ConsoleSignIn
{
    /// Signs in to the console as a browser does (the form, its antiforgery token and cookie);
    /// answers the Cookie header of the session. The session cookie is Secure: kept by hand over http.
    public static async Task<string> CookieAsync(string url, string key)
    {
        using var anonymous = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        using var form = await anonymous.GetAsync("/console/sign-in");
        var token = TokenField().Match(await PatternsSuite.Ok(form)).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/console/sign-in")
        {
            Content = new FormUrlEncodedContent([new("key", key), new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]),
            Headers = { { "Cookie", Cookies(form) } },
        };
        using var signedIn = await anonymous.SendAsync(post);
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Console sign-in: {signedIn.StatusCode}");
        return Cookies(signedIn);
    }

    static string Cookies(HttpResponseMessage response) => string.Join("; ",
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
