using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Routing.Engine.Store;

/// Writes the rows of a type a context has added in one INSERT of many rows, and stops
/// tracking them. SaveChanges writes one statement a row, each planned and executed on its
/// own: a burst of 10,000 timers wrote 50,000 of them, a third of its CPU. Values go through
/// the model's own type mappings, so a row is stored as SaveChanges would store it.
internal static class AddedRows
{
    /// Both providers allow at least 32,766 parameters a statement.
    const int MaxParameters = 30_000;

    public static async Task InsertAsync<T>(RoutingDb db, CancellationToken ct) where T : class
    {
        var added = db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0) return;
        var type = db.Model.FindEntityType(typeof(T))!;
        // A key the database gives (the history's sequence) is given in the order the rows were added: the
        // order of their temporary keys, as SaveChanges writes them.
        if (type.FindPrimaryKey()!.Properties is [var key] && added[0].Property(key.Name).IsTemporary)
            added = [.. added.OrderBy(e => e.Property(key.Name).CurrentValue)];
        // Not the columns the database fills: a key it generates (still temporary here) or a copy it keeps.
        var columns = type.GetProperties()
            .Where(p => p.GetBeforeSaveBehavior() == PropertySaveBehavior.Save && !added[0].Property(p.Name).IsTemporary)
            .ToList();
        var table = type.GetTableName()!;
        var connection = db.Database.GetDbConnection();
        var sql = db.GetService<ISqlGenerationHelper>();
        var names = string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName())));
        foreach (var rows in added.Chunk(MaxParameters / columns.Count))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var text = new StringBuilder($"INSERT INTO {sql.DelimitIdentifier(table)} ({names}) VALUES ");
            foreach (var (row, r) in rows.Select((row, r) => (row, r)))
            {
                text.Append(r == 0 ? "(" : ", (");
                foreach (var (p, c) in columns.Select((p, c) => (p, c)))
                {
                    var name = $"p{r * columns.Count + c}";
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    // A property with a default in the database is left to it when unset, as SaveChanges does.
                    var value = row.Property(p.Name).CurrentValue ?? p.GetDefaultValue();
                    command.Parameters.Add(p.GetRelationalTypeMapping().CreateParameter(command, sql.GenerateParameterName(name), value, p.IsNullable));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            var written = await command.ExecuteNonQueryAsync(ct);
            if (written != rows.Length) throw new InvalidOperationException($"Wrote {written} of {rows.Length} rows to {table}.");
        }
        foreach (var row in added) row.State = EntityState.Detached;
    }
}
