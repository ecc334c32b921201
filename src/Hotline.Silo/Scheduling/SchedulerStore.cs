using Microsoft.Extensions.Configuration;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// Where Quartz keeps its jobs: on PostgreSQL the tickets' database, clustered, so every host shares the
/// jobs and each firing runs on exactly one; embedded, a SQLite file of its own in the data directory
/// (scheduler.db), apart from hotline.db so the job store's locking never waits on the ticket writer.
/// </summary>
internal sealed record SchedulerStore(bool Postgres, string ConnectionString)
{
    public static SchedulerStore From(IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"]?.Trim().ToLowerInvariant();
        if (provider is "postgres" or "postgresql")
        {
            return new SchedulerStore(true, configuration["Storage:ConnectionString"]!);
        }

        var dataDir = configuration["DataDir"];
        dataDir = string.IsNullOrWhiteSpace(dataDir) ? "data" : dataDir;
        return new SchedulerStore(false, $"Data Source={Path.Combine(Path.GetFullPath(dataDir), "scheduler.db")}");
    }
}
