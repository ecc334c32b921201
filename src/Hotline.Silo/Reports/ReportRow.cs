namespace Hotline.Silo.Reports;

/// <summary>One row of a report: a breakdown key (a department id, a category, a date for the trend…), its counters and figures.</summary>
/// <param name="Figures">Indexed by <see cref="ReportFigure"/>; null where a rate has no denominator.</param>
internal sealed record ReportRow(string Key, ReportCounters Counters, IReadOnlyList<double?> Figures)
{
    public double? this[ReportFigure figure] => Figures[(int)figure];

    public static ReportRow Of(string key, ReportCounters counters, ThreeRateWeights weights) =>
        new(key, counters, [.. ReportDefinitions.All.Select(d => ReportDefinitions.Compute(d.Figure, counters, weights))]);
}
