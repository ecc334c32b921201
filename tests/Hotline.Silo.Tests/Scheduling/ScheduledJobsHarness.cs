using Dapper;
using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Calendar;
using Hotline.Silo.Scheduling;
using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;
using Hotline.Silo.Tests.Tickets.Grain;
using Hotline.Silo.Tickets.Alarms;
using Hotline.Telephony.Calls;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>
/// What the scheduled-jobs tests share: Supervision's jobs over a test cluster's stores (quiet hours 21:00–08:00),
/// a query with defaults, a refusal caught, and the supervisors' change log (<c>scheduler_changes</c>) read back.
/// </summary>
internal static class ScheduledJobsHarness
{
    public static ScheduledJobs Jobs(TicketGrainHost host)
    {
        var services = host.Cluster.SiloServices(0);
        var plan = new CallbackPlan(new CallbackOptions(), QuietHours.Parse("21:00-08:00"), services.GetRequiredService<WorkCalendar>().TimeZone);
        var callbacks = new CallbackJobs(new SqlCallbackJobStore(services.GetRequiredService<SqlDialect>()), plan, host.Time);
        return new ScheduledJobs(services.GetRequiredService<ITicketStore>(), services.GetRequiredService<IAlarmIndex>(), services.GetRequiredService<TicketAlarms>(), host.Grains, callbacks);
    }

    public static ScheduledJobQuery Query(
        string? ticketId = null, ScheduledJobKind? kind = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int pageSize = 100, string? token = null) =>
        new(ticketId, kind, from, to, pageSize, token);

    public static async Task<TicketRefusedException> Refused(Func<Task> act) => await Assert.ThrowsAsync<TicketRefusedException>(act);

    /// <summary>The change log of the SQLite store in <paramref name="dataDir"/>, oldest first.</summary>
    public static async Task<List<ChangeRow>> ChangeLogAsync(string dataDir)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "hotline.db")};Mode=ReadOnly;Pooling=False");
        return [.. await connection.QueryAsync<ChangeRow>("SELECT job_key AS JobKey, action AS Action, actor AS Actor, reason AS Reason, before_at AS BeforeAt, after_at AS AfterAt FROM scheduler_changes ORDER BY sequence")];
    }

    internal sealed record ChangeRow(string JobKey, string Action, string Actor, string Reason, string? BeforeAt, string? AfterAt);
}
