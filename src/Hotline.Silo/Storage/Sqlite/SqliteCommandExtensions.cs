using Microsoft.Data.Sqlite;

namespace Hotline.Silo.Storage.Sqlite;

/// <summary>Fluent parameter binding for the prepared commit statements.</summary>
internal static class SqliteCommandExtensions
{
    public static SqliteCommand Bind(this SqliteCommand command, string name, object value)
    {
        command.Parameters[name].Value = value;
        return command;
    }
}
