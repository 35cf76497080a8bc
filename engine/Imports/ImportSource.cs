namespace Routing.Engine.Imports;

/// Where an import came from, as its history event says: the API, or the CLI with its file.
internal sealed record ImportSource(string Channel, string? File = null)
{
    public static readonly ImportSource Api = new("api");

    public static ImportSource Cli(string file) => new("cli", Path.GetFileName(file));
}
