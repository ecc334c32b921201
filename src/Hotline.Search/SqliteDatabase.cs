using Microsoft.Data.Sqlite;

namespace Hotline.Search;

/// <summary>
/// How the search library's stores open the knowledge base's SQLite file: pooled, WAL with
/// synchronous=FULL (an acknowledged write survives a crash), and a busy timeout so the stores
/// sharing the file wait for each other instead of failing.
/// </summary>
internal static class SqliteDatabase
{
    public static string ConnectionString(string databasePath) =>
        new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        return connection;
    }

    /// <summary>Opens the file and runs the schema script (CREATE … IF NOT EXISTS).</summary>
    public static string Create(string databasePath, string schema)
    {
        var connectionString = ConnectionString(databasePath);
        using var connection = Open(connectionString);
        Execute(connection, schema);
        return connectionString;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
