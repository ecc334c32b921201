namespace Hotline.Silo.Tests.Tickets;

/// <summary>A clock that moves only when told to.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void Advance(TimeSpan by) => _now += by;

    public void SetTo(DateTimeOffset at) => _now = at;
}
