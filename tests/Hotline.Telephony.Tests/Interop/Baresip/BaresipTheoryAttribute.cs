namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>A theory that needs baresip: skipped only off CI when baresip is missing (see <see cref="BaresipInstallation"/>).</summary>
internal sealed class BaresipTheoryAttribute : TheoryAttribute
{
    public BaresipTheoryAttribute()
    {
        Skip = BaresipInstallation.SkipReason;
    }
}
