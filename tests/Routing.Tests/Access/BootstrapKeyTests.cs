using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Access;

/// The bootstrap admin key (Routing__Auth__BootstrapAdminKey): an admin who revokes it finds it
/// still revoked after a restart; only a new value makes a new admin key.
public abstract class BootstrapKeyTests(RoutingFixture fixture)
{
    [Fact]
    public async Task A_revoked_bootstrap_key_stays_revoked_across_restarts_and_a_new_value_makes_a_new_key()
    {
        var other = await fixture.Client.CreateKeyAsync("admin");
        var keys = (await fixture.App.ClientWithKey(other).GetStringAsync("/api/keys"));
        var bootstrap = JsonNode.Parse(keys)!.AsArray().Single(k => (string)k!["name"]! == RoutingApplication.AdminName)!;
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.App.ClientWithKey(other).DeleteAsync($"/api/keys/{bootstrap["id"]}")).StatusCode);

        await fixture.RestartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client.GetAsync("/api/keys")).StatusCode);
        var admin = fixture.App.ClientWithKey(other);
        var after = JsonNode.Parse(await admin.GetStringAsync("/api/keys"))!.AsArray();
        Assert.NotNull(after.Single(k => (string)k!["name"]! == RoutingApplication.AdminName)!["revokedAt"]);

        const string newValue = "a-new-bootstrap-value-0123456789abcdef0123";
        await using var renewed = fixture.App.WithWebHostBuilder(b => b.UseSetting("Routing:Auth:BootstrapAdminKey", newValue));
        var client = renewed.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", newValue);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/keys")).StatusCode);
        var created = JsonNode.Parse(await admin.GetStringAsync("/api/keys"))!.AsArray().Single(k => (string)k!["name"]! == $"{RoutingApplication.AdminName} (2)")!;
        Assert.Equal("system:bootstrap", (string)created["createdBy"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client.GetAsync("/api/keys")).StatusCode);
    }
}

public sealed class BootstrapKeyOnSqlite(SqliteFixture fixture) : BootstrapKeyTests(fixture), IClassFixture<SqliteFixture>;

public sealed class BootstrapKeyOnPostgres(PostgresFixture fixture) : BootstrapKeyTests(fixture), IClassFixture<PostgresFixture>;
