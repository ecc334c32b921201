namespace Hotline.Silo.WebConsole;

/// <summary>Settings under <c>Wallboard:</c>: the service level the wallboard holds the day against.</summary>
internal sealed class WallboardOptions
{
    /// <summary>An answer within this many seconds of waiting counts towards the service level (80/20: 20).</summary>
    public int ServiceLevelSeconds { get; set; } = 20;

    /// <summary>The share of offered calls that should be answered within <see cref="ServiceLevelSeconds"/> (80/20: 0.8).</summary>
    public double ServiceLevelTarget { get; set; } = 0.8;

    /// <summary>A queue waiting longer than this raises an alert.</summary>
    public int LongestWaitAlertSeconds { get; set; } = 60;
}
