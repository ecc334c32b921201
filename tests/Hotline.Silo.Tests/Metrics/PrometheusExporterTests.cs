using System.Diagnostics.Metrics;
using Hotline.Silo.Metrics;

namespace Hotline.Silo.Tests.Metrics;

public sealed class PrometheusExporterTests : IDisposable
{
    // A scope of our own keeps meters of tests running in parallel out of this exporter.
    private readonly object _scope = new();
    private readonly Meter _meter;
    private readonly PrometheusExporter _exporter;

    public PrometheusExporterTests()
    {
        _meter = new Meter(new MeterOptions("Hotline.Test") { Scope = _scope });
        _exporter = new PrometheusExporter(_scope);
    }

    public void Dispose()
    {
        _exporter.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void Scrape_CounterWithTags_WritesTotalPerTagSet()
    {
        var counter = _meter.CreateCounter<long>("hotline.test.calls", description: "Calls handled.");
        counter.Add(2, new KeyValuePair<string, object?>("method", "Create"));
        counter.Add(1, new KeyValuePair<string, object?>("method", "Create"));
        counter.Add(5, new KeyValuePair<string, object?>("method", "Get"));

        var text = _exporter.Scrape();

        Assert.Equal(
            "# HELP hotline_test_calls_total Calls handled.\n" +
            "# TYPE hotline_test_calls_total counter\n" +
            "hotline_test_calls_total{method=\"Create\"} 3\n" +
            "hotline_test_calls_total{method=\"Get\"} 5\n",
            text);
    }

    [Fact]
    public void Scrape_SameTagsInAnotherOrderOrBoxedAgain_CountInOneSeries()
    {
        var counter = _meter.CreateCounter<long>("hotline.test.calls", description: "Calls handled.");
        var method = new KeyValuePair<string, object?>("method", "Create");
        counter.Add(1, method, new KeyValuePair<string, object?>("status", "OK"));
        counter.Add(2, new KeyValuePair<string, object?>("status", "OK"), method);
        counter.Add(4, method, new KeyValuePair<string, object?>("code", 0));
        counter.Add(8, method, new KeyValuePair<string, object?>("code", 0));
        counter.Add(16, method, new KeyValuePair<string, object?>("code", 1));

        Assert.Equal(
            "# HELP hotline_test_calls_total Calls handled.\n" +
            "# TYPE hotline_test_calls_total counter\n" +
            "hotline_test_calls_total{code=\"0\",method=\"Create\"} 12\n" +
            "hotline_test_calls_total{code=\"1\",method=\"Create\"} 16\n" +
            "hotline_test_calls_total{method=\"Create\",status=\"OK\"} 3\n",
            _exporter.Scrape());
    }

    [Fact]
    public void Scrape_UpDownCounter_WritesGaugeOfSum()
    {
        var active = _meter.CreateUpDownCounter<int>("hotline.test.active", description: "Active things.");
        active.Add(3);
        active.Add(-1);

        Assert.Equal("# HELP hotline_test_active Active things.\n# TYPE hotline_test_active gauge\nhotline_test_active 2\n", _exporter.Scrape());
    }

    [Fact]
    public void Scrape_Histogram_WritesCumulativeBucketsSumAndCount()
    {
        var latency = _meter.CreateHistogram<double>(
            "hotline.test.latency", unit: "s", description: "Latency.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.1, 1] });
        foreach (var value in new[] { 0.005, 0.05, 0.1, 2.5 })
        {
            latency.Record(value);
        }

        Assert.Equal(
            "# HELP hotline_test_latency_seconds Latency.\n" +
            "# TYPE hotline_test_latency_seconds histogram\n" +
            "hotline_test_latency_seconds_bucket{le=\"0.01\"} 1\n" +
            "hotline_test_latency_seconds_bucket{le=\"0.1\"} 3\n" +
            "hotline_test_latency_seconds_bucket{le=\"1\"} 3\n" +
            "hotline_test_latency_seconds_bucket{le=\"+Inf\"} 4\n" +
            "hotline_test_latency_seconds_sum 2.655\n" +
            "hotline_test_latency_seconds_count 4\n",
            _exporter.Scrape());
    }

    [Fact]
    public void Scrape_ObservableGauge_IsReadAtScrapeTime()
    {
        var depth = 7;
        _meter.CreateObservableGauge("hotline.test.queue_depth", () => depth, description: "Queue depth.");

        var first = _exporter.Scrape();
        depth = 9;
        var second = _exporter.Scrape();

        Assert.EndsWith("hotline_test_queue_depth 7\n", first);
        Assert.EndsWith("hotline_test_queue_depth 9\n", second);
        Assert.Contains("# TYPE hotline_test_queue_depth gauge\n", second);
    }

    [Fact]
    public void Scrape_LabelValueWithQuotesAndNewline_IsEscaped()
    {
        var counter = _meter.CreateCounter<long>("hotline.test.escaped");
        counter.Add(1, new KeyValuePair<string, object?>("reason", "say \"no\"\\\nnow"));

        Assert.Contains("hotline_test_escaped_total{reason=\"say \\\"no\\\"\\\\\\nnow\"} 1\n", _exporter.Scrape());
    }

    [Fact]
    public void Scrape_MetersNotNamedHotlineOrOfAnotherScope_AreIgnored()
    {
        using var foreign = new Meter(new MeterOptions("Other.Test") { Scope = _scope });
        using var otherHost = new Meter(new MeterOptions("Hotline.Test") { Scope = new object() });
        foreign.CreateCounter<long>("other.calls").Add(1);
        otherHost.CreateCounter<long>("hotline.test.elsewhere").Add(1);

        Assert.Equal("", _exporter.Scrape());
    }
}
