using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Hotline.Silo.Metrics;

/// <summary>One instrument as a Prometheus metric family: its name, HELP, TYPE and series by tag set.</summary>
internal sealed class MetricFamily
{
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
    private static readonly double[] DefaultBuckets = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly ConcurrentDictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);

    // Every gRPC call and grain message records here: a tag set seen before finds its series without
    // rendering (sorting, escaping, joining) its labels again.
    private readonly ConcurrentDictionary<TagSet, MetricSeries> _byTags = new(TagSetComparer.Instance);
    private readonly double[] _bounds;

    public MetricFamily(Instrument instrument)
    {
        Kind = KindOf(instrument);
        var monotonic = Kind is MetricKind.MonotonicSum or MetricKind.MonotonicLastValue;
        Name = PrometheusText.MetricName(instrument.Name, instrument.Unit, monotonic);
        Help = instrument.Description ?? instrument.Name;
        _bounds = Kind == MetricKind.Histogram ? BucketsOf(instrument) : [];
    }

    public string Name { get; }

    public string Help { get; }

    public MetricKind Kind { get; }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = SeriesOf(tags);
        switch (Kind)
        {
            case MetricKind.MonotonicSum or MetricKind.Sum:
                series.Add(value);
                break;
            case MetricKind.Histogram:
                series.Observe(value, _bounds);
                break;
            default:
                series.Set(value);
                break;
        }
    }

    public void WriteTo(StringBuilder text)
    {
        var type = Kind switch
        {
            MetricKind.MonotonicSum or MetricKind.MonotonicLastValue => "counter",
            MetricKind.Histogram => "histogram",
            _ => "gauge",
        };
        text.Append("# HELP ").Append(Name).Append(' ').Append(PrometheusText.Help(Help)).Append('\n');
        text.Append("# TYPE ").Append(Name).Append(' ').Append(type).Append('\n');
        foreach (var series in _series.Values.OrderBy(s => s.Labels, StringComparer.Ordinal))
        {
            var (value, count, buckets) = series.Snapshot();
            if (Kind != MetricKind.Histogram)
            {
                Sample(text, Name, series.Labels, value);
                continue;
            }

            long cumulative = 0;
            for (var i = 0; i < _bounds.Length; i++)
            {
                cumulative += buckets[i];
                Sample(text, Name + "_bucket", Join(series.Labels, $"le=\"{PrometheusText.Number(_bounds[i])}\""), cumulative);
            }

            Sample(text, Name + "_bucket", Join(series.Labels, "le=\"+Inf\""), count);
            Sample(text, Name + "_sum", series.Labels, value);
            Sample(text, Name + "_count", series.Labels, count);
        }
    }

    private MetricSeries SeriesOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var cached = _byTags.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
        if (cached.TryGetValue(tags, out var series))
        {
            return series;
        }

        series = _series.GetOrAdd(Render(tags), static (l, bucketCount) => new MetricSeries(l, bucketCount), _bounds.Length + 1);
        cached.TryAdd(tags, series);
        return series;
    }

    private static void Sample(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(PrometheusText.Number(value)).Append('\n');
    }

    private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;

    private static string Render(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return "";
        }

        var sorted = tags.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return string.Join(',', sorted.Select(t => $"{PrometheusText.LabelName(t.Key)}=\"{PrometheusText.LabelValue(Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")}\""));
    }

    private static MetricKind KindOf(Instrument instrument)
    {
        var definition = instrument.GetType().GetGenericTypeDefinition();
        return definition switch
        {
            _ when definition == typeof(Counter<>) => MetricKind.MonotonicSum,
            _ when definition == typeof(UpDownCounter<>) => MetricKind.Sum,
            _ when definition == typeof(Histogram<>) => MetricKind.Histogram,
            _ when definition == typeof(ObservableCounter<>) => MetricKind.MonotonicLastValue,
            _ => MetricKind.LastValue,
        };
    }

    private static double[] BucketsOf(Instrument instrument)
    {
        var advised = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            _ => null,
        };
        return advised ?? (instrument.Unit == "s" ? SecondsBuckets : DefaultBuckets);
    }
}
