using System.Net;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task The_scheduler_check_finds_this_process_server_and_no_other()
    {
        // The fixture host's own Hangfire storage (in memory, or in PostgreSQL), where it runs no server.
        var storage = fixture.App.Services.GetRequiredService<JobStorage>();
        var check = new SchedulerHealthCheck(Options.Create(new SchedulerOptions { Enabled = true }), storage);
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        using var connection = storage.GetConnection();
        var server = new ServerContext { WorkerCount = 1, Queues = ["default"] };
        string another = $"another-machine:{Environment.ProcessId}:{Guid.NewGuid()}", ours = $"{SchedulerHealthCheck.ServerPrefix}{Guid.NewGuid()}";
        connection.AnnounceServer(another, server);
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        connection.AnnounceServer(ours, server);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        connection.RemoveServer(another);
        connection.RemoveServer(ours);
    }

    /// /health/ready's body, whatever its status (503 when a part is down).
    internal static async Task<JsonObject> ReadyAsync(HttpClient client)
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


/// A host on the real clock, as its own process (Hangfire's process-wide state is not shared with
/// other test hosts): ready once its Hangfire server beats. On PostgreSQL the two hosts of
/// TwoHostsBehindProxyTests are, too.
public sealed class ReadyOnTheRealClockTests
{
    [Fact]
    public async Task A_host_on_the_real_clock_is_ready_once_its_scheduler_beats()
    {
        await using var store = TestStore.Sqlite();
        await using var host = new HostProcess(store);
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = host.Address };

        JsonObject ready = [];
        await Eventually.HoldsAsync(async () => (string)(ready = await HealthTests.ReadyAsync(client))["status"]! == "Healthy",
            TimeSpan.FromSeconds(30), "the host is ready", () => Task.FromResult($"{ready.ToJsonString()}\n{host.Output}"));
        Assert.Equal("Healthy", (string)ready["checks"]!["scheduler"]!["status"]!);
        Assert.Null(ready["checks"]!["scheduler"]!["description"]);
    }
}

/// While PostgreSQL is down, /health/ready (anonymous) says which part is down in our words, never
/// the exception's text (it names the server, the user, "password authentication failed").
public sealed class ReadyWithoutAnExceptionTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task The_scheduler_check_on_a_storage_that_does_not_answer_says_so_in_our_words()
    {
        var options = new Hangfire.PostgreSql.PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false };
        var nobody = $"Host=127.0.0.1;Port={HostProcess.FreePort()};Username=routing;Password=not-shown;Database=routing;Timeout=2";
        var storage = new Hangfire.PostgreSql.PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(nobody, options), options);
        var check = new SchedulerHealthCheck(Options.Create(new SchedulerOptions { Enabled = true }), storage);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal((HealthStatus.Unhealthy, "The scheduler's storage does not answer."), (result.Status, result.Description));
    }

    [Fact]
    public async Task A_check_that_throws_is_shown_without_its_exception()
    {
        await using var app = fixture.App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddHealthChecks()
            .AddCheck("thrower", () => throw new InvalidOperationException("28P01: password authentication failed for user routing"), [HealthEndpoints.Ready])));
        using var anonymous = app.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        var ready = await HealthTests.ReadyAsync(anonymous);

        Assert.Equal("Unhealthy", (string)ready["checks"]!["thrower"]!["status"]!);
        Assert.DoesNotContain("password", ready.ToJsonString());
    }
}
