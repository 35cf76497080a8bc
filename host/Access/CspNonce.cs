using System.Security.Cryptography;

namespace Routing.Host.Access;

/// A number used once, per console page, that the console's Content-Security-Policy allows in
/// `<style>` elements: the rules editor (CodeMirror) adds its styles as elements and marks
/// them with it (EditorView.cspNonce), where a strict style-src would refuse them. It stands in
/// the page's head, which htmx keeps when it swaps pages: the policy and the nonce of the page
/// first loaded stay together.
internal static class CspNonce
{
    static readonly object Key = new();

    /// The request's nonce, made on first use.
    public static string For(HttpContext http)
    {
        if (http.Items[Key] is string nonce) return nonce;
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Items[Key] = nonce;
        return nonce;
    }

    /// The request's nonce, when its policy has one.
    public static string? Of(HttpContext http) => http.Items[Key] as string;
}
