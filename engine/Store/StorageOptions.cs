namespace Routing.Engine.Store;

/// Where Routing keeps its data.
/// <code>
/// "Routing": { "Storage": { "Provider": "Sqlite" } },
/// "ConnectionStrings": { "Routing": "Data Source=./data/routing.db" }
/// </code>
public sealed class StorageOptions
{
    public const string Section = "Routing:Storage";
    public const string DefaultSqlite = "Data Source=./data/routing.db";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// ConnectionStrings:Routing (SQLite: `DefaultSqlite` when not set; PostgreSQL: required).
    public string? ConnectionString { get; internal set; }
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
