using Routing.Tests.Infrastructure;

namespace Routing.Tests.Store;

/// The embedded default keeps its data and its first admin key where only their owner can
/// read them: another user of the machine sees neither reports nor keys.
public sealed class PrivateFilesTests : IAsyncLifetime
{
    const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    readonly string folder = Directory.CreateTempSubdirectory("routing-private-").FullName;
    readonly TestStore unused = TestStore.Sqlite();

    [Fact]
    public async Task A_first_start_creates_the_data_folder_database_and_admin_key_for_their_owner_only()
    {
        if (OperatingSystem.IsWindows()) return; // ACLs there, not modes
        var data = Path.Combine(folder, "data");
        await using var host = new HostProcess(unused, extra: new Dictionary<string, string>
        {
            ["ConnectionStrings__Routing"] = $"Data Source={Path.Combine(data, "routing.db")}",
            ["Routing__Auth__BootstrapAdminKey"] = "",
            ["Routing__Auth__AdminKeyFile"] = Path.Combine(data, "admin.key"),
        });

        await host.StartAsync();

        string[] files = [data, .. new[] { "routing.db", "routing.db-wal", "routing.db-shm", "admin.key" }.Select(f => Path.Combine(data, f))];
        foreach (var file in files)
        {
            Assert.True(Path.Exists(file), $"{file} does not exist");
            Assert.True((File.GetUnixFileMode(file) & GroupOrOther) == 0, $"{file} is {File.GetUnixFileMode(file)}");
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await unused.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
