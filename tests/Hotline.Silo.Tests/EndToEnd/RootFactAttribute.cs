namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>A fact that needs root (it mounts a tmpfs); skipped otherwise. CI's tests/run.sh runs as root.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "needs root to mount a tmpfs";
        }
    }
}
