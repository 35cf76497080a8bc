using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Routing.Engine.Store;

/// Values as EF Core stores them on SQLite, for the few writes made without it (bulk imports):
/// times as the binary form RoutingDb converts them to, ids as upper-case text.
internal static class SqliteValues
{
    static readonly DateTimeOffsetToBinaryConverter Times = new();

    public static long Of(DateTimeOffset at) => (long)Times.ConvertToProvider(at)!;

    public static string Of(Guid id) => id.ToString().ToUpperInvariant();

    /// A command in the transaction with these parameters, to be run once per row.
    public static DbCommand Command(DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
