namespace Hotline.Silo.Grains;

/// <summary>Settings of the grain runtime, bound from the <c>Grains</c> configuration section.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>How long an activation may sit without calls before it is collected; infinite disables collection.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
