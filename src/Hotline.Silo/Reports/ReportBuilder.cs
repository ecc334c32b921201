namespace Hotline.Silo.Reports;

/// <summary>
/// Turns daily rows into a report. Pure. <c>onlyKey</c> restricts the rows to one key (a
/// department's own view): then the hotline-wide total and trend are left out too, as they include others' work.
/// </summary>
internal static class ReportBuilder
{
    public static Report Build(
        ReportPeriod period,
        ReportDimension breakdown,
        IEnumerable<KeyValuePair<SnapshotKey, ReportCounters>> dailyRows,
        ThreeRateWeights weights,
        string? onlyKey = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(dailyRows);
        var byKey = new SortedDictionary<string, ReportCounters>(StringComparer.Ordinal);
        var byDay = period.EachDay().ToDictionary(day => day, _ => new ReportCounters());
        var total = new ReportCounters();
        foreach (var (key, counters) in dailyRows)
        {
            if (key.Day < period.Start || key.Day >= period.End)
            {
                continue;
            }

            if (key.Dimension == ReportDimension.All)
            {
                byDay[key.Day].Add(counters);
                total.Add(counters);
            }
            else if (key.Dimension == breakdown && (onlyKey is null || key.Key == onlyKey))
            {
                if (!byKey.TryGetValue(key.Key, out var row))
                {
                    row = new ReportCounters();
                    byKey[key.Key] = row;
                }

                row.Add(counters);
            }
        }

        if (onlyKey is not null && !byKey.ContainsKey(onlyKey))
        {
            byKey[onlyKey] = new ReportCounters();
        }

        var rows = byKey.Select(kv => ReportRow.Of(kv.Key, kv.Value, weights)).ToList();
        if (breakdown == ReportDimension.Department)
        {
            // The ranking: best 三率 score first; departments without a score last, by id.
            rows = [.. rows.OrderByDescending(r => r[ReportFigure.ThreeRateScore] ?? double.NegativeInfinity).ThenBy(r => r.Key, StringComparer.Ordinal)];
        }

        if (onlyKey is not null)
        {
            return new Report(period, breakdown, rows, null, [], weights);
        }

        var trend = byDay.OrderBy(kv => kv.Key).Select(kv => ReportRow.Of(kv.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), kv.Value, weights)).ToList();
        return new Report(period, breakdown, rows, ReportRow.Of("", total, weights), trend, weights);
    }
}
