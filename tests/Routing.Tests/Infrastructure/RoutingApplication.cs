using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Routing.Tests.Infrastructure;

/// The real host, on a real store. With a fake clock the test moves time and fires due
/// timers itself; without one (`clock: null`) Hangfire runs and fires them in real time.
public sealed class RoutingApplication(TestStore store, FakeTimeProvider? clock, string? rulesFolder = null)
    : WebApplicationFactory<Program>
{
    /// The admin key every test host bootstraps; its clients send it unless told otherwise.
    public const string AdminKey = "test-admin-key-0123456789abcdef0123456789";
    public const string AdminName = "bootstrap-admin";

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new("Bearer", AdminKey);
    }

    /// A client that sends `key` (or no key at all).
    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = key is null ? null : new("Bearer", key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Routing:Storage:Provider", store.Provider);
        builder.UseSetting("ConnectionStrings:Routing", store.ConnectionString);
        builder.UseSetting("Routing:Auth:BootstrapAdminKey", AdminKey);
        if (rulesFolder is not null) builder.UseSetting("Routing:Rules:Folder", rulesFolder);
        if (clock is null)
            // Dispatch every second so short test SLAs do not wait for the minute.
            builder.UseSetting("Routing:Clock:DispatchCron", "* * * * * *");
        else
        {
            builder.UseSetting("Routing:Clock:Enabled", "false");
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        }
    }
}
