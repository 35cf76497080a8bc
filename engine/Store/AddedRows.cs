using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Routing.Engine.Store;

/// Writes the rows of a type a context has added in one INSERT, and stops tracking them.
/// SaveChanges writes one statement a row, each executed on its own: a burst of 10,000 timers
/// wrote 50,000 of them. Values go through the model's own type mappings, so a row is stored as
/// SaveChanges would store it.
internal static class AddedRows
{
    /// SQLite takes at most 32,766 parameters a statement.
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
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are written together inside the transaction of the change.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var insert = $"INSERT INTO {sql.DelimitIdentifier(type.GetTableName()!)} ({string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName())))})";
        IEnumerable<EntityEntry<T>[]> batches = db.Database.IsNpgsql() ? [[.. added]] : added.Chunk(MaxParameters / columns.Count);
        foreach (var rows in batches)
        {
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            if (db.Database.IsNpgsql()) Arrays(command, insert, columns, rows);
            else Values(command, sql, insert, columns, rows);
            var written = await command.ExecuteNonQueryAsync(ct);
            if (written != rows.Length) throw new InvalidOperationException($"Wrote {written} of {rows.Length} rows to {type.GetTableName()}.");
        }
        foreach (var row in added) row.State = EntityState.Detached;
    }

    /// A property with a default in the database is left to it when unset, as SaveChanges does.
    static object? ValueOf<T>(EntityEntry<T> row, IProperty p) where T : class => row.Property(p.Name).CurrentValue ?? p.GetDefaultValue();

    /// PostgreSQL: one array a column, whatever the number of rows, so the statement's text is the same
    /// each time (prepared once) and there are a few parameters rather than one a value.
    static void Arrays<T>(DbCommand command, string insert, List<IProperty> columns, EntityEntry<T>[] rows) where T : class
    {
        foreach (var p in columns)
        {
            var mapping = p.GetRelationalTypeMapping();
            var type = mapping.Converter?.ProviderClrType ?? p.ClrType;
            // A nullable column of a value type takes nulls: its array's elements must too.
            if (type.IsValueType && Nullable.GetUnderlyingType(type) is null && p.IsNullable) type = typeof(Nullable<>).MakeGenericType(type);
            var values = Array.CreateInstance(type, rows.Length);
            for (var r = 0; r < rows.Length; r++)
                values.SetValue(ValueOf(rows[r], p) is { } value ? mapping.Converter?.ConvertToProvider(value) ?? value : null, r);
            var parameter = command.CreateParameter();
            parameter.Value = values;
            command.Parameters.Add(parameter);
        }
        // WITH ORDINALITY: the rows go in, and a key the database gives is given, in the arrays' order.
        command.CommandText = $"{insert} SELECT {string.Join(", ", columns.Select((_, c) => $"c{c}"))} FROM unnest(" +
            $"{string.Join(", ", columns.Select((_, c) => $"${c + 1}"))}) WITH ORDINALITY AS r({string.Join(", ", columns.Select((_, c) => $"c{c}"))}, n) ORDER BY n";
    }

    /// SQLite: one row of parameters a row.
    static void Values<T>(DbCommand command, ISqlGenerationHelper sql, string insert, List<IProperty> columns, EntityEntry<T>[] rows) where T : class
    {
        var text = new StringBuilder(insert).Append(" VALUES ");
        for (var r = 0; r < rows.Length; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"p{r * columns.Count + c}";
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                command.Parameters.Add(columns[c].GetRelationalTypeMapping()
                    .CreateParameter(command, sql.GenerateParameterName(name), ValueOf(rows[r], columns[c]), columns[c].IsNullable));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
    }
}
