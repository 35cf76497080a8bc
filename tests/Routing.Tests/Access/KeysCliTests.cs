using System.Net;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Access;

/// `dotnet run --project host -- keys …` as the README shows it: on a fresh clone, and on the
/// store of a running host, on both providers; the result alone on stdout.
public sealed class KeysCliTests : IAsyncLifetime
{
    readonly string folder = Directory.CreateTempSubdirectory("routing-keys-cli-").FullName;

    [Fact]
    public async Task Keys_create_on_a_fresh_clone_prints_only_the_key_and_a_host_on_that_store_takes_it()
    {
        var created = await HostCommand.RunAsync(folder, null, "keys", "create", "--name", "Dana", "--role", "department-head", "--department", "rnd");

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Matches("^rk_[A-Za-z0-9_-]{43}\n$", created.Output);
        Assert.DoesNotContain("xception", created.Error);
        // The store is the one `dotnet run --project host` would use from this folder.
        await using var unused = TestStore.Sqlite();
        await using var host = new HostProcess(unused, extra: new Dictionary<string, string>
        {
            ["ConnectionStrings__Routing"] = $"Data Source={Path.Combine(folder, "data", "routing.db")}",
        });
        await host.StartAsync();
        using var dana = host.Client(key: created.Output.Trim());
        Assert.Equal(HttpStatusCode.OK, (await dana.GetAsync("/api/departments/rnd/work-items")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dana.GetAsync("/api/departments/logistics/work-items")).StatusCode);
    }

    [Fact]
    public async Task A_verb_with_a_bad_setting_stops_before_the_store_in_one_line_naming_the_setting()
    {
        var listed = await HostCommand.RunAsync(folder, new Dictionary<string, string> { ["Routing__Rules__RefreshEvery"] = "-00:00:02" }, "keys", "list");

        Assert.Equal(1, listed.ExitCode);
        Assert.Contains("Routing:Rules:RefreshEvery must be longer than zero", listed.Error);
        Assert.DoesNotContain("   at ", listed.Error);
        Assert.False(File.Exists(Path.Combine(folder, "data", "routing.db")));
    }

    // On SQLite, where the verbs share the store's file with the running host. Every verb opens
    // the store through the same EF code on both providers; the next test creates a key on
    // PostgreSQL beside its host (each verb is a process start: the whole story took 30–60 s more
    // on the second provider).
    [Fact]
    public async Task Keys_are_created_listed_and_revoked_on_the_store_of_a_running_host()
    {
        await using var store = TestStore.Sqlite();
        await using var host = new HostProcess(store);
        await host.StartAsync();
        var environment = StoreSettings(store);

        var created = await HostCommand.RunAsync(folder, environment, "keys", "create", "--name", "Lee", "--role", "auditor", "--email", "lee@example.test");
        Assert.True(created.ExitCode == 0, created.Error);
        using var lee = host.Client(key: created.Output.Trim());
        Assert.Equal(HttpStatusCode.OK, (await lee.GetAsync("/api/history/verify")).StatusCode);

        var listed = await HostCommand.RunAsync(folder, environment, "keys", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.DoesNotContain(created.Output.Trim(), listed.Output);
        var line = Assert.Single(listed.Output.Split('\n'), l => l.Contains("\tLee\t")).Split('\t');
        Assert.Equal(["auditor", "Lee", "-"], line[1..4]);
        Assert.Equal("lee@example.test", line[^1].Trim());

        var revoked = await HostCommand.RunAsync(folder, environment, "keys", "revoke", line[0]);
        Assert.True(revoked.ExitCode == 0, revoked.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await lee.GetAsync("/api/history/verify")).StatusCode);
        var again = await HostCommand.RunAsync(folder, environment, "keys", "revoke", line[0]);
        Assert.Equal((1, "", $"keys revoke: no live key has the id {line[0]}.\n"), (again.ExitCode, again.Output, again.Error));
    }

    // One provider each from here: the refusals are the CLI's own (KeyNameMigrationTests and
    // LastAdminKeyTests check the store's side on both), and every verb costs a process start.
    [Fact]
    public async Task A_key_the_API_would_refuse_is_one_line_on_stderr_exit_code_1_and_nothing_stored()
    {
        await using var store = TestStore.Postgres();
        await using var host = new HostProcess(store);
        await host.StartAsync();
        var environment = StoreSettings(store);

        (string[] Args, string Error)[] refused =
        [
            (["--name", "Sam", "--role", "janitor"], "keys create: role: must be one of: csm, department-head, admin, auditor.\n"),
            (["--name", "Sam", "--role", "department-head", "--department", "astrology"], "keys create: departments: 'astrology' is not a department.\n"),
            (["--name", " ", "--role", "csm"], "keys create: name: is required, at most 100 characters.\n"),
            (["--name", "system:timer", "--role", "csm"], "keys create: name: may not start with \"system:\" nor be \"anonymous\".\n"),
            (["--name", "Bootstrap-Admin", "--role", "csm"], "keys create: name: another key has this name (names are unique, ignoring case).\n"),
        ];
        foreach (var (args, error) in refused)
        {
            var result = await HostCommand.RunAsync(folder, environment, ["keys", "create", .. args]);
            Assert.Equal((1, "", error), (result.ExitCode, result.Output, result.Error));
        }
        using var admin = host.Client();
        Assert.DoesNotContain("Sam", await admin.GetStringAsync("/api/keys"));

        // The name is still free, and what the API takes the verb stores: the running host takes the key.
        var created = await HostCommand.RunAsync(folder, environment, "keys", "create", "--name", "Sam", "--role", "csm");
        Assert.True(created.ExitCode == 0, created.Error);
        using var sam = host.Client(key: created.Output.Trim());
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync("/api/departments")).StatusCode);
    }

    [Fact]
    public async Task Keys_revoke_refuses_the_last_admin_key_and_keys_create_makes_a_new_admin_key_for_whoever_is_locked_out()
    {
        await using var store = TestStore.Sqlite();
        await using var host = new HostProcess(store);
        await host.StartAsync();
        var environment = StoreSettings(store);
        var listed = await HostCommand.RunAsync(folder, environment, "keys", "list");
        var bootstrap = Assert.Single(listed.Output.Split('\n'), l => l.Contains($"\t{RoutingApplication.AdminName}\t")).Split('\t')[0];

        var refused = await HostCommand.RunAsync(folder, environment, "keys", "revoke", bootstrap);
        Assert.Equal((1, "", $"keys revoke: {RoutingApplication.AdminName}'s key is the last live admin key, so it stays: create another admin key first.\n"),
            (refused.ExitCode, refused.Output, refused.Error));
        using var admin = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/keys")).StatusCode);

        // The way back in when the admin key is lost: a new one made on the store itself.
        var created = await HostCommand.RunAsync(folder, environment, "keys", "create", "--name", "recovered admin", "--role", "admin");
        Assert.True(created.ExitCode == 0, created.Error);
        using var recovered = host.Client(key: created.Output.Trim());
        Assert.Equal(HttpStatusCode.NoContent, (await recovered.DeleteAsync($"/api/keys/{bootstrap}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await recovered.GetAsync("/api/keys")).StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    /// The environment that points a verb at the store of a running host.
    static Dictionary<string, string> StoreSettings(TestStore store) => new()
    {
        ["Routing__Storage__Provider"] = store.Provider,
        ["ConnectionStrings__Routing"] = store.ConnectionString,
    };
}
