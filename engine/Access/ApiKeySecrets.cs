using System.Security.Cryptography;
using System.Text;

namespace Routing.Engine.Access;

internal static class ApiKeySecrets
{
    /// 256 random bits, URL-safe, with a prefix that makes a leaked key easy to recognize.
    public static string New(string prefix = "rk_") => prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// Keys carry 256 bits of entropy, so a plain SHA-256 is enough to store them safely.
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
