using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Hotline.Silo.Metrics;

/// <summary>
/// Listens to every instrument of meters named <c>Hotline*</c> or <c>Microsoft.Orleans*</c> and renders their current values in the
/// Prometheus text format. Meters made by another host's <see cref="IMeterFactory"/> (several hosts in one
/// test process) are ignored; meters created with <c>new Meter(…)</c> have no scope and are process-wide.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    private readonly ConcurrentDictionary<Instrument, MetricFamily> _families = new();
    private readonly MeterListener _listener = new();
    private readonly object? _scope;

    public PrometheusExporter(IMeterFactory meterFactory)
        : this((object)meterFactory)
    {
    }

    internal PrometheusExporter(object? scope)
    {
        _scope = scope;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.MeasurementsCompleted = (instrument, _) => _families.TryRemove(instrument, out MetricFamily? _);
        _listener.SetMeasurementEventCallback<byte>((i, v, t, s) => ((MetricFamily)s!).Record(v, t));
        _listener.SetMeasurementEventCallback<short>((i, v, t, s) => ((MetricFamily)s!).Record(v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, s) => ((MetricFamily)s!).Record(v, t));
        _listener.SetMeasurementEventCallback<long>((i, v, t, s) => ((MetricFamily)s!).Record(v, t));
        _listener.SetMeasurementEventCallback<float>((i, v, t, s) => ((MetricFamily)s!).Record(v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, s) => ((MetricFamily)s!).Record(v, t));
        _listener.SetMeasurementEventCallback<decimal>((i, v, t, s) => ((MetricFamily)s!).Record((double)v, t));
        _listener.Start();
    }

    /// <summary>Collects observable instruments, then renders every family, sorted by name.</summary>
    public string Scrape()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var family in _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            family.WriteTo(text);
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>Ours (<c>Hotline*</c>) and Orleans' (<c>Microsoft.Orleans*</c>: activations, messaging, membership, …).</summary>
    private static bool IsExported(string meterName) =>
        meterName.StartsWith("Hotline", StringComparison.Ordinal) || meterName.StartsWith("Microsoft.Orleans", StringComparison.Ordinal);

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        var meter = instrument.Meter;
        if (!IsExported(meter.Name) || (meter.Scope is not null && !ReferenceEquals(meter.Scope, _scope)))
        {
            return;
        }

        var family = _families.GetOrAdd(instrument, static i => new MetricFamily(i));
        listener.EnableMeasurementEvents(instrument, family);
    }
}
