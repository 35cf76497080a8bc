using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Routing.Engine.Access;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Access;

/// Without a live admin key nobody could hand out keys or change the rules: the last one is
/// never revoked, through the API or the console, nor by two admins revoking the last two at once.
/// Each test has a store of its own, whose only admin key is the bootstrap one.
public abstract class LastAdminKeyTests(Func<RoutingFixture> newFixture) : IAsyncLifetime
{
    readonly RoutingFixture fixture = newFixture();

    [Fact]
    public async Task The_last_live_admin_key_cannot_be_revoked_through_the_API_or_the_console_and_keeps_working()
    {
        var admin = fixture.Client;
        var bootstrap = await IdOfAsync(admin, RoutingApplication.AdminName);

        var refused = await admin.DeleteAsync($"/api/keys/{bootstrap}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("The last live admin key cannot be revoked.", (string)problem["title"]!);
        Assert.Equal("bootstrap-admin's key is the last live admin key, so it stays: create another admin key first.", (string)problem["detail"]!);

        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(RoutingApplication.AdminKey);
        var page = await browser.GetStringAsync("/console/keys");
        var console = await browser.PostAsync($"/console/keys?id={bootstrap}&handler=Revoke", ConsoleBrowser.Form(page, new() { ["confirmed"] = "true" }));
        Assert.Equal(HttpStatusCode.Conflict, console.StatusCode);
        Assert.Contains("bootstrap-admin&#x27;s key is the last live admin key, so it stays", await console.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/keys")).StatusCode);
        Assert.Null(await fixture.WithStoreAsync(db => db.ApiKeys.Where(k => k.Id == bootstrap).Select(k => k.RevokedAt).SingleAsync()));

        // With a second admin key either may go, but then the other is the last.
        var (other, otherKey) = await admin.CreateKeyWithIdAsync("admin");
        var second = fixture.App.ClientWithKey(otherKey);
        Assert.Equal(HttpStatusCode.NoContent, (await second.DeleteAsync($"/api/keys/{bootstrap}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await second.DeleteAsync($"/api/keys/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/keys")).StatusCode);
    }

    [Fact]
    public async Task Two_admins_revoking_the_last_two_admin_keys_at_once_revoke_one()
    {
        var live = await IdOfAsync(fixture.Client, RoutingApplication.AdminName);
        for (var round = 0; round < 10; round++)
        {
            var created = (await UsingKeysAsync(keys => keys.CreateAsync($"admin {round}", Roles.Admin, [], "test", CancellationToken.None)))!;
            var outcomes = await Task.WhenAll(
                Task.Run(() => UsingKeysAsync(keys => keys.RevokeAsync(live, "admin a", CancellationToken.None))),
                Task.Run(() => UsingKeysAsync(keys => keys.RevokeAsync(created.Id, "admin b", CancellationToken.None))));

            Assert.Single(outcomes.OfType<Revocation.Revoked>());
            Assert.Single(outcomes.OfType<Revocation.LastAdminKey>());
            if (outcomes[0] is Revocation.Revoked) live = created.Id;
        }
        var admins = await fixture.WithStoreAsync(db => db.ApiKeys.Where(k => k.Role == Roles.Admin && k.RevokedAt == null).Select(k => k.Id).ToListAsync());
        Assert.Equal([live], admins);
    }

    async Task<T> UsingKeysAsync<T>(Func<ApiKeyService, Task<T>> use)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<ApiKeyService>());
    }

    static async Task<Guid> IdOfAsync(HttpClient admin, string name) => (Guid)JsonNode.Parse(await admin.GetStringAsync("/api/keys"))!.AsArray()
        .Single(k => (string)k!["name"]! == name)!["id"]!;

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();
}

public sealed class LastAdminKeyOnSqlite() : LastAdminKeyTests(() => new SqliteFixture());

public sealed class LastAdminKeyOnPostgres() : LastAdminKeyTests(() => new PostgresFixture());
