namespace Routing.Engine.Imports;

/// Where an import came from, as its history event says: the API, the CLI with its file, or
/// the console with the file uploaded.
internal sealed record ImportSource(string Channel, string? File = null)
{
    public static readonly ImportSource Api = new("api");

    public static ImportSource Cli(string file) => new("cli", Path.GetFileName(file));

    /// A browser may send the file's name with a client's folders ("C:\Users\…\tickets.csv"): its last part only.
    public static ImportSource Console(string file) => new("console", file.Split('\\', '/')[^1]);
}
