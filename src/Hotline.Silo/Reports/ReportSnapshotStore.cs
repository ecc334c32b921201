using System.Globalization;
using Dapper;
using Hotline.Silo.Storage.Sql;

namespace Hotline.Silo.Reports;

/// <summary>
/// The daily snapshot: report_daily holds one row of counters per (breakdown, local day, key); report_days
/// records which days were filled (an empty day is filled too). A day is replaced whole in one transaction.
/// </summary>
internal sealed class ReportSnapshotStore(SqlDialect dialect, TimeProvider timeProvider)
{
    private static readonly string Columns = string.Join(", ", ReportMeasures.All.Select(ReportMeasures.Column));

    private static readonly string Insert =
        $"INSERT INTO report_daily (day, dimension, dim_key, {Columns}) VALUES (@day, @dimension, @key, {string.Join(", ", ReportMeasures.All.Select((_, i) => "@m" + i))})";

    public async Task ReplaceDayAsync(DateOnly day, IEnumerable<KeyValuePair<SnapshotKey, ReportCounters>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var dayText = Day(day);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM report_daily WHERE day = @day", new { day = dayText }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var (key, counters) in rows)
        {
            if (key.Day != day)
            {
                throw new ArgumentException($"a row of {key.Day} in the fill of {day}", nameof(rows));
            }

            var parameters = new DynamicParameters();
            parameters.Add("day", dayText);
            parameters.Add("dimension", Dimension(key.Dimension));
            parameters.Add("key", key.Key);
            for (var i = 0; i < ReportMeasures.Count; i++)
            {
                parameters.Add("m" + i, counters.Values[i]);
            }

            await connection.ExecuteAsync(new CommandDefinition(Insert, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO report_days (day, filled_at) VALUES (@day, @at)
            ON CONFLICT (day) DO UPDATE SET filled_at = excluded.filled_at
            """,
            new { day = dayText, at = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<HashSet<DateOnly>> FilledDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var days = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT day FROM report_days WHERE day >= @from AND day < @to", new { from = Day(from), to = Day(to) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. days.Select(ParseDay)];
    }

    /// <summary>The hotline-wide rows and the breakdown's rows of the days in [from, to).</summary>
    public async Task<List<KeyValuePair<SnapshotKey, ReportCounters>>> ReadAsync(DateOnly from, DateOnly to, ReportDimension breakdown, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT day, dimension, dim_key, {Columns} FROM report_daily WHERE dimension IN ('all', @dimension) AND day >= @from AND day < @to";
        AddParameter(command, "dimension", Dimension(breakdown));
        AddParameter(command, "from", Day(from));
        AddParameter(command, "to", Day(to));
        var rows = new List<KeyValuePair<SnapshotKey, ReportCounters>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var values = new long[ReportMeasures.Count];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.GetInt64(3 + i);
            }

            var dimension = reader.GetString(1) == "all" ? ReportDimension.All : breakdown;
            rows.Add(new(new SnapshotKey(ParseDay(reader.GetString(0)), dimension, reader.GetString(2)), ReportCounters.From(values)));
        }

        return rows;
    }

    public static string Dimension(ReportDimension dimension) => dimension.ToString().ToLowerInvariant();

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
