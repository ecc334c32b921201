using System.Globalization;
using System.Text.Json.Nodes;

namespace Hotline.Silo.Reports;

/// <summary>
/// The JSON form of a report (HTTP /api/reports and the page): rates are fractions (0.85, not 85), a figure
/// without a value is null, <c>end</c> is the last day included.
/// </summary>
internal static class ReportJson
{
    public static JsonObject Write(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new JsonObject
        {
            ["period"] = new JsonObject
            {
                ["kind"] = report.Period.Kind.ToString().ToLowerInvariant(),
                ["start"] = Day(report.Period.Start),
                ["end"] = Day(report.Period.End.AddDays(-1)),
            },
            ["breakdown"] = ReportSnapshotStore.Dimension(report.Breakdown),
            ["key_title"] = ReportTable.KeyTitle(report.Breakdown),
            ["weights"] = new JsonObject
            {
                ["response"] = report.Weights.Response,
                ["resolution"] = report.Weights.Resolution,
                ["satisfaction"] = report.Weights.Satisfaction,
            },
            ["definitions"] = Definitions(),
            ["rows"] = new JsonArray([.. report.Rows.Select(Row)]),
            ["total"] = report.Total is { } total ? Row(total) : null,
            ["trend"] = new JsonArray([.. report.Trend.Select(Row)]),
        };
    }

    public static JsonArray Definitions() => new([.. ReportDefinitions.All.Select(d => (JsonNode)new JsonObject
    {
        ["id"] = d.Id,
        ["name"] = d.Name,
        ["definition"] = d.Definition,
        ["percent"] = d.Percent,
    })]);

    private static JsonObject Row(ReportRow row)
    {
        var figures = new JsonObject();
        foreach (var definition in ReportDefinitions.All)
        {
            figures[definition.Id] = row[definition.Figure] is { } value ? JsonValue.Create(Math.Round(value, 6)) : null;
        }

        return new JsonObject { ["key"] = row.Key, ["figures"] = figures };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
