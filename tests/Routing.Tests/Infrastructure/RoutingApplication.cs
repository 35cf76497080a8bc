using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Routing.Tests.Infrastructure;

/// The real host, on a real store, with a clock the test moves.
public sealed class RoutingApplication(TestStore store, FakeTimeProvider clock, string? rulesFolder = null)
    : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock => clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Routing:Storage:Provider", store.Provider);
        builder.UseSetting("ConnectionStrings:Routing", store.ConnectionString);
        // Tests move time with the fake clock and fire due timers themselves.
        builder.UseSetting("Routing:Clock:Enabled", "false");
        if (rulesFolder is not null) builder.UseSetting("Routing:Rules:Folder", rulesFolder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
    }
}
