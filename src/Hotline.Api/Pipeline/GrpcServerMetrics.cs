using System.Diagnostics.Metrics;
using Grpc.Core;

namespace Hotline.Api.Pipeline;

/// <summary>
/// Calls served, by method and final status, and how long they took: what a supervisor's dashboard
/// and an alert on error rate need. Exported on /metrics with every other "Hotline*" meter.
/// </summary>
internal sealed class GrpcServerMetrics
{
    public const string MeterName = "Hotline.Grpc";

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public GrpcServerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _calls = meter.CreateCounter<long>("hotline.grpc.server.calls", description: "gRPC calls completed, by method and status.");
        _duration = meter.CreateHistogram<double>(
            "hotline.grpc.server.duration",
            unit: "s",
            description: "Time from request to final status, by method.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void CallCompleted(string method, StatusCode status, TimeSpan elapsed)
    {
        var methodTag = new KeyValuePair<string, object?>("method", method);
        _calls.Add(1, methodTag, new KeyValuePair<string, object?>("status", status.ToString()));
        _duration.Record(elapsed.TotalSeconds, methodTag);
    }
}
