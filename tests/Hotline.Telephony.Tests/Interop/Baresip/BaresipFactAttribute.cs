namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>A fact that needs baresip: skipped only off CI when baresip is missing (see <see cref="BaresipInstallation"/>).</summary>
internal sealed class BaresipFactAttribute : FactAttribute
{
    public BaresipFactAttribute()
    {
        Skip = BaresipInstallation.SkipReason;
    }
}
