using Hotline.Contracts.Scheduling;
using Hotline.Silo.Calendar;
using Hotline.Silo.Storage.Sql;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Hotline.Silo.Scheduling;

/// <summary>Registers the scheduler: Quartz.NET on a persistent store, its tables, and the recurring jobs.</summary>
internal static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddHotlineScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScheduleOptions>()
            .Bind(configuration.GetSection(ScheduleOptions.SectionName))
            .Validate(o => o.SweepInterval >= TimeSpan.FromMilliseconds(100), "Schedule:SweepInterval must be at least 00:00:00.1")
            .Validate(o => o.SweepBatch >= 1 && o.SweepParallelism >= 1, "Schedule:SweepBatch and Schedule:SweepParallelism must be at least 1")
            .Validate(o => QuietHours.TryParse(o.QuietHours, out _), "Schedule:QuietHours must be empty or HH:mm-HH:mm, e.g. 21:00-08:00")
            .ValidateOnStart();
        services.AddSingleton<AlarmSweep>();
        services.AddSingleton<ReturnVisitDialer>();
        services.AddSingleton<IReturnVisitLine, OutboundReturnVisitLine>();
        services.AddSingleton<IScheduledJobs, ScheduledJobs>();
        services.AddOptions<CallbackOptions>()
            .Validate(o => o.Attempts >= 1, "Callbacks:Attempts must be at least 1")
            .Validate(o => o.RetryInterval > TimeSpan.Zero && o.MaxRetryInterval >= o.RetryInterval, "Callbacks:RetryInterval must be positive and Callbacks:MaxRetryInterval at least as long")
            .Validate(o => o.QueuedGrace >= TimeSpan.Zero, "Callbacks:QueuedGrace must not be negative")
            .Validate(o => o.Mode.Trim().ToLowerInvariant() is "queue-first" or "agent-first", "Callbacks:Mode must be 'queue-first' or 'agent-first'")
            .ValidateOnStart();
        services.AddSingleton(sp => new CallbackPlan(
            sp.GetRequiredService<IOptions<CallbackOptions>>().Value,
            QuietHours.Parse(sp.GetRequiredService<IOptions<ScheduleOptions>>().Value.QuietHours),
            sp.GetRequiredService<WorkCalendar>().TimeZone));
        services.AddSingleton<CallbackSweep>();
        services.AddSingleton<SqlCallbackJobStore>();
        services.AddSingleton(sp => new CallbackJobs(
            sp.GetRequiredService<SqlCallbackJobStore>(), sp.GetRequiredService<CallbackPlan>(), sp.GetRequiredKeyedService<TimeProvider>(Tickets.TicketServiceCollectionExtensions.ClockKey)));
        services.AddSingleton<CallbackDialer>();
        var settings = configuration.GetSection(ScheduleOptions.SectionName).Get<ScheduleOptions>() ?? new ScheduleOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddQuartzStore(SchedulerStore.From(configuration), settings);
        services.AddHostedService<SchedulerJobsStartup>();
        return services;
    }

    /// <summary>
    /// Quartz on <paramref name="store"/>: its tables created first, clustered on PostgreSQL, duplicates ignored,
    /// run as a hosted service that lets running jobs finish at stop. Jobs are added by the caller.
    /// </summary>
    public static IServiceCollection AddQuartzStore(this IServiceCollection services, SchedulerStore store, ScheduleOptions settings)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(store);
        services.AddHostedService<SchedulerSchemaStartup>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "hotline";
                o.GenerateInstanceId = true;
            });
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = 4);

            q.UsePersistentStore(s =>
            {
                s.ConfigureStore(o =>
                {
                    o.MisfireThreshold = settings.MisfireThreshold;

                    // Without the lock a clustered node picks its next trigger optimistically (select, then update
                    // WAITING to ACQUIRED): a node delayed between the two can acquire a trigger another node has
                    // already fired and put back to WAITING, and fire it a second time (Quartz's ABA race; Quartz
                    // forces the lock on SQLite). Under it, acquiring is serialised across the cluster: one row
                    // lock per acquisition pass, a few a second.
                    o.AcquireTriggersWithinLock = true;
                });
                s.UseSystemTextJsonSerializer();
                if (store.Postgres)
                {
                    s.UsePostgres(store.ConnectionString);
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = settings.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = settings.ClusterCheckinMisfireThreshold;
                    });
                }
                else
                {
                    s.UseSqlite(store.ConnectionString);
                }
            });
        });
        services.Configure<QuartzOptions>(o =>
        {
            o.Scheduling.IgnoreDuplicates = true;
            o.Scheduling.OverwriteExistingData = false;
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
