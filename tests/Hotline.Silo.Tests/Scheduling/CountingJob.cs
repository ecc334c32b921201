using Npgsql;
using Quartz;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>Counts its own firings in PostgreSQL (fire_counts), noting which scheduler instance ran it.</summary>
internal sealed class CountingJob(CountingJobDatabase database) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO fire_counts (job, fired, instance) VALUES (@job, 1, @instance) ON CONFLICT (job) DO UPDATE SET fired = fire_counts.fired + 1",
            connection);
        command.Parameters.AddWithValue("job", context.JobDetail.Key.Name);
        command.Parameters.AddWithValue("instance", context.Scheduler.SchedulerInstanceId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
