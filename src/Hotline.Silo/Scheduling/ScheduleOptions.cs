namespace Hotline.Silo.Scheduling;

/// <summary>The scheduler's settings, bound from section "Schedule".</summary>
internal sealed class ScheduleOptions
{
    public const string SectionName = "Schedule";

    /// <summary>False runs no scheduler on this host (its alarms are issued by the other hosts of the cluster).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the deadline sweep looks for due alarms; an alarm is issued at most this late (plus the sweep's own time).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tickets read per query of the sweep.</summary>
    public int SweepBatch { get; set; } = 500;

    /// <summary>Ticket grains the sweep calls at once.</summary>
    public int SweepParallelism { get; set; } = 32;

    /// <summary>Local times (Calendar:TimeZoneId) between which nobody is called: "21:00-08:00"; empty for none.</summary>
    public string QuietHours { get; set; } = "21:00-08:00";

    /// <summary>How often a clustered host checks in; others take over its jobs after <see cref="ClusterCheckinMisfireThreshold"/> without one.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A trigger later than this when its time comes is a misfire and follows its job type's misfire policy.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(30);
}
