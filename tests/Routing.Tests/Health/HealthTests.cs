using System.Net;
using System.Text.Json.Nodes;
using Hangfire.InMemory;
using Hangfire.Server;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Routing.Host.Health;
using Routing.Tests.Infrastructure;
using Routing.Workflows.Timers;

namespace Routing.Tests.Health;

/// What a load balancer or Kubernetes asks: is the process up, and may it take traffic.
public abstract class HealthTests(RoutingFixture fixture)
{
    readonly HttpClient anonymous = fixture.App.ClientWithKey(null);

    [Fact]
    public async Task Live_and_ready_answer_anonymously_naming_each_part()
    {
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);

        var ready = await ReadyAsync(anonymous);
        Assert.Equal("Healthy", (string)ready["status"]!);
        var checks = ready["checks"]!.AsObject();
        Assert.Equal(["rules", "scheduler", "store"], checks.Select(c => c.Key).Order());
        Assert.All(checks, c => Assert.Equal("Healthy", (string)c.Value!["status"]!));
        // These hosts run on a fake clock, with no Hangfire server: ready, and saying why.
        Assert.Equal("off on this host", (string)checks["scheduler"]!["description"]!);
    }

    [Fact]
    public async Task A_host_on_the_real_clock_is_ready_once_its_scheduler_beats()
    {
        await using var store = fixture.Store.Provider == "Postgres" ? TestStore.Postgres() : TestStore.Sqlite();
        await using var host = new RoutingApplication(store, clock: null);
        var client = host.ClientWithKey(null);

        JsonObject ready = [];
        await Eventually.HoldsAsync(async () => (string)(ready = await ReadyAsync(client))["status"]! == "Healthy",
            TimeSpan.FromSeconds(30), "the host is ready", () => Task.FromResult(ready.ToJsonString()));
        Assert.Null(ready["checks"]!["scheduler"]!["description"]);
    }

    /// /health/ready's body, whatever its status (503 when a part is down).
    static async Task<JsonObject> ReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal((string)body["status"]! == "Healthy" ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, response.StatusCode);
        return body;
    }
}

public sealed class HealthOnSqlite(SqliteFixture fixture) : HealthTests(fixture), IClassFixture<SqliteFixture>;

public sealed class HealthOnPostgres(PostgresFixture fixture) : HealthTests(fixture), IClassFixture<PostgresFixture>;

/// The scheduler check on a real Hangfire storage: only a server of this process counts.
public sealed class SchedulerHealthCheckTests
{
    [Fact]
    public async Task The_scheduler_check_finds_this_process_server_and_no_other()
    {
        var storage = new InMemoryStorage();
        var check = new SchedulerHealthCheck(Options.Create(new SchedulerOptions { Enabled = true }), storage);
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        using var connection = storage.GetConnection();
        var server = new ServerContext { WorkerCount = 1, Queues = ["default"] };
        connection.AnnounceServer($"another-machine:{Environment.ProcessId}:{Guid.NewGuid()}", server);
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        connection.AnnounceServer($"{SchedulerHealthCheck.ServerPrefix}{Guid.NewGuid()}", server);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}
