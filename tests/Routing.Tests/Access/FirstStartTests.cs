using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Access;

public sealed class FirstStartTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_embedded_default_writes_a_private_admin_key_file_on_first_start()
    {
        await using var store = TestStore.Sqlite();
        var file = Path.Combine(Path.GetTempPath(), $"routing-admin-{Guid.NewGuid():N}.key");
        await using var app = new RoutingApplication(store, new FakeTimeProvider(RoutingFixture.Start));
        var configured = app.WithWebHostBuilder(b => b
            .UseSetting("Routing:Auth:BootstrapAdminKey", "")
            .UseSetting("Routing:Auth:AdminKeyFile", file));

        configured.CreateClient();
        var key = File.ReadAllText(file).Trim();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var client = configured.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/keys")).StatusCode);
        File.Delete(file);
    }
}
