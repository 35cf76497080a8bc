using System.Net;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.WebConsole;

/// A newcomer who follows the README: starts the service, opens http://localhost:5080/ and
/// reads the start-up log.
public sealed class FirstContactTests : IAsyncLifetime
{
    readonly string folder = Directory.CreateTempSubdirectory("routing-first-contact-").FullName;

    [Fact]
    public async Task Slash_leads_a_browser_to_sign_in_and_the_log_says_where_the_console_and_the_admin_key_are()
    {
        await using var store = TestStore.Sqlite();
        var keyFile = Path.Combine(folder, "admin.key");
        await using var host = new HostProcess(store, extra: new Dictionary<string, string>
        {
            ["Routing__Auth__BootstrapAdminKey"] = "",
            ["Routing__Auth__AdminKeyFile"] = keyFile,
            ["Logging__LogLevel__Routing.Host.Pages.ConsoleEntry"] = "Information",
        });
        await host.StartAsync();

        using var browser = new HttpClient { BaseAddress = host.Address };
        var landed = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/console/sign-in", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("API key", await landed.Content.ReadAsStringAsync());

        var console = $"Web console: {host.Address}console";
        await Eventually.HoldsAsync(() => Task.FromResult(host.Output.Contains(console) && host.Output.Contains($"The first admin key is in {keyFile}")),
            TimeSpan.FromSeconds(30), "the start-up log says where the console and the admin key are", () => Task.FromResult(host.Output));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
