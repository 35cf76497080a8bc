using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.WebConsole;

/// A file uploaded on the console's import page is imported as it arrives, not after: the
/// upload below holds back its last lines until the host's log says it has imported the first
/// 100 000 (a host that kept the file before importing would never say so, and the upload
/// would wait in vain). The file (20 MB) is beyond the 5 MiB the host takes from any other form.
[Collection(RealTime.Name)]
public sealed partial class LargeConsoleImportTests
{
    const int Lines = 120_000, HeldBack = 10_000;

    /// CSV lines written to the request as they are made; the last ones only once `ready` says so.
    sealed class GeneratedTickets(string product, Func<Task> ready) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            await writer.WriteAsync("id,receivedAt,product,category,region,channel,summary\n");
            for (var i = 0; i < Lines; i++)
            {
                if (i == Lines - HeldBack)
                {
                    await writer.FlushAsync();
                    await ready();
                }
                await writer.WriteAsync($"{product}-{i},2026-{i % 10 + 1:00}-{i % 28 + 1:00}T10:00:00Z,{product},quality,Michigan,web,\"ticket {i}, a long enough summary of it\"\n");
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    [Fact]
    public async Task An_uploaded_file_is_imported_while_it_is_still_being_sent()
    {
        var product = $"bulk-{Guid.NewGuid():N}";
        await using var store = TestStore.Sqlite();
        await using var host = new HostProcess(store, extra: new Dictionary<string, string>
        {
            ["Logging__LogLevel__Routing.Engine.Complaints"] = "Information",
        });
        await host.StartAsync();
        var browser = new Browser(host.Address);
        await browser.SignInAsync();
        var page = await browser.GetStringAsync("/console/import");

        var file = new GeneratedTickets(product, () => Eventually.HoldsAsync(() => Task.FromResult(host.Output.Contains("100000 lines read")),
            TimeSpan.FromMinutes(2), "the host imports the first 100 000 lines before the rest is sent", () => Task.FromResult(host.Output)))
        {
            Headers = { ContentType = new("text/csv") },
        };
        file.Headers.ContentDisposition = new("form-data") { Name = "\"file\"", FileName = "\"tickets.csv\"" };
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("complaints"), "kind" },
            file,
        };
        using var response = await browser.PostAsync("/console/import", form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("120,000 complaints accepted, 0 duplicates (already stored), 0 rejected.", html);
        await using var db = store.Open();
        Assert.Equal(Lines, await db.Complaints.CountAsync(c => c.Product == product));
    }

    /// The console over plain http to the host's own port: its session cookie is Secure, which
    /// HttpClient keeps for https only, so the cookies are carried here.
    sealed class Browser(Uri address)
    {
        readonly HttpClient client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = address, Timeout = TimeSpan.FromMinutes(5),
        };
        readonly Dictionary<string, string> cookies = [];

        public async Task SignInAsync()
        {
            var page = await GetStringAsync("/console/sign-in");
            using var signedIn = await PostAsync("/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["key"] = RoutingApplication.AdminKey, ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
            }));
            Assert.True(cookies.ContainsKey("routing_session"), $"signed in: {signedIn.StatusCode}");
        }

        public async Task<string> GetStringAsync(string path)
        {
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
            return await response.Content.ReadAsStringAsync();
        }

        public Task<HttpResponseMessage> PostAsync(string path, HttpContent content) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content });

        async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await client.SendAsync(request);
            foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = set.Split(';')[0].Split('=', 2);
                cookies[pair[0]] = pair[1];
            }
            return response;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
