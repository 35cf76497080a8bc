namespace Routing.Engine.Store;

/// The embedded default's folder, database and first admin key are readable by their owner
/// only from the moment they exist: they are created with that mode (under any umask), never
/// chmod-ed afterwards, which would leave a window in which another user could open them.
/// SQLite gives its -wal and -shm files the database file's mode. (On Windows the parent
/// folder's ACL applies.)
internal static class PrivateFiles
{
    const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// Creates the folder (and missing parents) owner-only; an existing folder is left as it is.
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, OwnerOnlyFolder);
    }

    /// A new owner-only file; fails if the file exists.
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        return new FileStream(path, options);
    }

    /// An empty owner-only file, unless one exists (another host may make it at the same moment).
    public static void EnsureFile(string path)
    {
        if (File.Exists(path)) return;
        try
        {
            using var _ = CreateNew(path);
        }
        catch (IOException) when (File.Exists(path))
        {
        }
    }
}
