using Routing.Tests.Infrastructure;

namespace Routing.Tests.Rules;

/// The host's command line, run as a process from a fresh folder: help and usage at every
/// level without starting the service, and every failure one line with a non-zero exit code.
public sealed class CommandLineTests : IAsyncLifetime
{
    readonly string folder = Directory.CreateTempSubdirectory("routing-cli-").FullName;

    [Theory]
    [InlineData("--help")]
    [InlineData("keys")]
    [InlineData("keys", "--help")]
    [InlineData("keys", "create", "--help")]
    [InlineData("keys", "list", "--help")]
    [InlineData("keys", "revoke", "--help")]
    [InlineData("rules")]
    [InlineData("rules", "simulate", "-h")]
    public async Task Help_prints_usage_on_stdout_and_exits_without_serving(params string[] args)
    {
        var result = await HostCommand.RunAsync(folder, null, args);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Contains("Usage:", result.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "data")), "help opened the store");
    }

    [Fact]
    public async Task Keys_list_on_a_fresh_clone_prepares_the_store_and_lists_the_first_admin_key()
    {
        var result = await HostCommand.RunAsync(folder, null, "keys", "list");

        Assert.True(result.ExitCode == 0, result.Error);
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Split('\t');
        Assert.Equal(["admin", "first-admin"], line[1..3]);
        // Where the admin key went is logged (to stderr), as on the service's first start.
        Assert.Contains(Path.Combine(folder, "data", "admin.key"), result.Error);
        Assert.StartsWith("rk_", File.ReadAllText(Path.Combine(folder, "data", "admin.key")));
    }

    [Theory]
    [InlineData(2, "'kyes' is not a command (see --help).", "kyes", "create")]
    [InlineData(2, "Option '--name' is required. (see keys create --help)", "keys", "create", "--role", "csm")]
    [InlineData(2, "Unrecognized command or argument 'frobnicate'. (see rules --help)", "rules", "frobnicate")]
    [InlineData(2, "Cannot parse argument 'nope' for command 'revoke' as expected type 'System.Guid'. (see keys revoke --help)", "keys", "revoke", "nope")]
    public async Task Wrong_usage_is_one_line_on_stderr_and_exit_code_2(int code, string error, params string[] args)
    {
        var result = await HostCommand.RunAsync(folder, null, args);

        Assert.Equal((code, "", error + "\n"), (result.ExitCode, result.Output, result.Error));
    }

    [Fact]
    public async Task A_store_that_cannot_be_opened_is_one_line_and_exit_code_1_not_a_stack_trace()
    {
        File.WriteAllText(Path.Combine(folder, "data"), "a file where the data folder should be");

        var result = await HostCommand.RunAsync(folder, null, "keys", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("keys list: ", line);
        Assert.Contains("data", line);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
