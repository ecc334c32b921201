using System.Diagnostics.Metrics;

namespace Hotline.Telephony.Tests.Diagnostics;

/// <summary>Records every measurement of the instruments belonging to one meter factory's scope.</summary>
internal sealed class MeasurementCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly object _gate = new();
    private readonly List<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = [];

    public MeasurementCollector(object scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => Add(i, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
        _listener.Start();
    }

    /// <summary>Polls the observable gauges once; their readings join the recorded measurements.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public double Sum(string instrument)
    {
        lock (_gate)
        {
            return _measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);
        }
    }

    public IReadOnlyList<(double Value, KeyValuePair<string, object?>[] Tags)> All(string instrument)
    {
        lock (_gate)
        {
            return _measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags)).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _measurements.Clear();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_gate)
        {
            _measurements.Add((instrument.Name, value, tags.ToArray()));
        }
    }
}
