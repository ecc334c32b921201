using System.Diagnostics.Metrics;

namespace Hotline.Telephony.Tests.Diagnostics;

/// <summary>
/// Meters scoped to one test, so a listener sees only this test's instruments even when other tests in the
/// process create meters of the same name at the same time.
/// </summary>
internal sealed class ScopedMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, this);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
