using System.Diagnostics;
using Npgsql;

namespace Hotline.Silo.Tests.Storage;

/// <summary>
/// The PostgreSQL the storage tests run against: HOTLINE_TEST_PG when set (tests/run.sh starts one),
/// otherwise a throwaway cluster started here through tests/postgres.sh and stopped at the end.
/// Each test gets its own schema.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private string? _ownedDirectory;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("HOTLINE_TEST_PG");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            ConnectionString = fromEnvironment;
            return;
        }

        var output = await RunScriptAsync("start");
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("export HOTLINE_TEST_PG=", StringComparison.Ordinal))
            {
                ConnectionString = line["export HOTLINE_TEST_PG=".Length..].Trim('\'');
            }
            else if (line.StartsWith("export HOTLINE_PG_DIR=", StringComparison.Ordinal))
            {
                _ownedDirectory = line["export HOTLINE_PG_DIR=".Length..].Trim('\'');
            }
        }

        if (ConnectionString.Length == 0 || _ownedDirectory is null)
        {
            throw new InvalidOperationException($"tests/postgres.sh start printed no connection string:\n{output}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_ownedDirectory is not null)
        {
            await RunScriptAsync("stop", _ownedDirectory);
        }
    }

    /// <summary>Creates an empty schema and returns a connection string whose search path points at it.</summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot(), "tests", "postgres.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tests/postgres.sh {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await stderr}");
        }

        return await stdout;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hotline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Hotline.sln not found above the test binaries.");
    }
}
