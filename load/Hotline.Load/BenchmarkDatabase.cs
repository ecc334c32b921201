using System.Diagnostics;
using Npgsql;

namespace Hotline.Load;

/// <summary>
/// A fresh, empty database for one benchmark row: a temp SQLite file, or a new schema on PostgreSQL
/// (the --pg / HOTLINE_TEST_PG server, or a throwaway cluster started with tests/postgres.sh).
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly Func<Task> _cleanup;

    private BenchmarkDatabase(Dictionary<string, string?> settings, Func<Task> cleanup)
    {
        Settings = settings;
        _cleanup = cleanup;
    }

    public Dictionary<string, string?> Settings { get; }

    public static async Task<BenchmarkDatabase> CreateAsync(string provider, string? postgresConnectionString)
    {
        switch (provider)
        {
            case "sqlite":
                var dir = Path.Combine(Path.GetTempPath(), "hotline-load-" + Guid.NewGuid().ToString("N"));
                return new BenchmarkDatabase(new() { ["DataDir"] = dir }, () =>
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    Directory.Delete(dir, recursive: true);
                    return Task.CompletedTask;
                });
            case "postgres":
                string? ownedDir = null;
                if (postgresConnectionString is null)
                {
                    var output = await RunScriptAsync("start");
                    postgresConnectionString = Value(output, "HOTLINE_TEST_PG");
                    ownedDir = Value(output, "HOTLINE_PG_DIR");
                }

                var schema = "load_" + Guid.NewGuid().ToString("N")[..12];
                await ExecuteAsync(postgresConnectionString, $"CREATE SCHEMA {schema}");
                var cs = new NpgsqlConnectionStringBuilder(postgresConnectionString) { SearchPath = schema, MaxPoolSize = 200 }.ConnectionString;
                var server = postgresConnectionString;
                return new BenchmarkDatabase(new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = cs }, async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    if (ownedDir is not null)
                    {
                        await RunScriptAsync("stop", ownedDir);
                    }
                    else
                    {
                        await ExecuteAsync(server, $"DROP SCHEMA {schema} CASCADE");
                    }
                });
            default:
                throw new ArgumentException($"unknown provider {provider}; use sqlite or postgres");
        }
    }

    public async ValueTask DisposeAsync() => await _cleanup();

    private static string Value(string output, string name) =>
        output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith($"export {name}=", StringComparison.Ordinal))[$"export {name}=".Length..].Trim('\'');

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "tests", "postgres.sh"));
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"tests/postgres.sh {arguments[0]} failed");
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Hotline.sln")))
                {
                    return d.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run from inside the repository (Hotline.sln not found).");
    }
}
