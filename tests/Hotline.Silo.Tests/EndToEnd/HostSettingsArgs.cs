namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>The settings a host process and its CLI share: data directory and storage.</summary>
internal sealed record HostSettingsArgs(string DataDir, string? PostgresConnectionString = null)
{
    /// <summary>More settings for the hosts (e.g. the cluster's), after the storage ones.</summary>
    public IReadOnlyList<string> Extra { get; init; } = [];

    public IReadOnlyList<string> Arguments => PostgresConnectionString is null
        ? [$"--DataDir={DataDir}", .. Extra]
        : [$"--DataDir={DataDir}", "--Storage:Provider=postgres", $"--Storage:ConnectionString={PostgresConnectionString}", .. Extra];

    public static HostSettingsArgs Sqlite() => new(NewDataDir());

    public static HostSettingsArgs Postgres(string connectionString) => new(NewDataDir(), connectionString);

    public static string NewDataDir() => Path.Combine(Path.GetTempPath(), "hotline-e2e-" + Guid.NewGuid().ToString("N"));

    public void DeleteDataDir()
    {
        try
        {
            if (Directory.Exists(DataDir))
            {
                Directory.Delete(DataDir, recursive: true);
            }
        }
        catch (IOException)
        {
            // The temp folder is reclaimed by the OS.
        }
    }
}
