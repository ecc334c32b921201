namespace Hotline.Load;

/// <summary>Throughput and latency percentiles (milliseconds) of one benchmark row.</summary>
internal sealed record LatencySummary(long Operations, double PerSecond, double P50, double P95, double P99, double Max);
