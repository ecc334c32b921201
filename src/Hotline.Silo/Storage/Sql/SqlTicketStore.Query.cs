using System.Text;
using Dapper;

namespace Hotline.Silo.Storage.Sql;

internal sealed partial class SqlTicketStore
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    /// <summary>
    /// Newest first by (created_at, id). PageSize 0 means the default (50), above 500 is capped,
    /// negative is refused; CreatedFrom is inclusive, CreatedTo exclusive.
    /// </summary>
    public async Task<TicketPage> QueryAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize < 0)
        {
            throw new ArgumentOutOfRangeException("page_size", query.PageSize, "page_size must not be negative.");
        }

        var pageSize = query.PageSize == 0 ? DefaultPageSize : Math.Min(query.PageSize, MaxPageSize);
        var after = string.IsNullOrEmpty(query.PageToken) ? null : PageToken.Decode(query.PageToken, query);

        var sql = new StringBuilder("SELECT t.id, t.version, t.state_json, t.created_at FROM tickets t");
        var parameters = new DynamicParameters();
        if (query.DepartmentId is not null)
        {
            sql.Append(" JOIN ticket_departments d ON d.ticket_id = t.id AND d.department_id = @departmentId");
            parameters.Add("departmentId", query.DepartmentId);
        }

        sql.Append(" WHERE 1 = 1");
        if (query.States is { Count: > 0 })
        {
            sql.Append(" AND ").Append(_dialect.InList("t.state", "states"));
            parameters.Add("states", query.States.ToArray());
        }

        if (query.ExtensionPending)
        {
            // Served by the partial index tickets_extension_pending: only the tickets waiting on a decision are read.
            sql.Append(_dialect is Postgres.PostgresDialect ? " AND t.extension_pending" : " AND t.extension_pending = 1");
        }

        AddFilter(sql, parameters, "t.caller_phone = @callerPhone", "callerPhone", query.CallerPhone);
        AddFilter(sql, parameters, "t.district = @district", "district", query.District);
        AddFilter(sql, parameters, "t.created_at >= @createdFrom", "createdFrom", query.CreatedFrom is { } from ? _dialect.ToDb(from) : null);
        AddFilter(sql, parameters, "t.created_at < @createdTo", "createdTo", query.CreatedTo is { } to ? _dialect.ToDb(to) : null);
        if (after is not null)
        {
            sql.Append(" AND (t.created_at < @afterCreated OR (t.created_at = @afterCreated AND t.id < @afterId))");
            parameters.Add("afterCreated", _dialect.ToDb(new DateTimeOffset(after.CreatedTicks, TimeSpan.Zero)));
            parameters.Add("afterId", after.TicketId);
        }

        sql.Append(" ORDER BY t.created_at DESC, t.id DESC LIMIT @take");
        parameters.Add("take", pageSize + 1);

        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<(string Id, long Version, string StateJson, object CreatedAt)>(
            new CommandDefinition(sql.ToString(), parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();

        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            var last = rows[^1];
            next = PageToken.Encode(new PageToken(_dialect.FromDb(last.CreatedAt).UtcTicks, last.Id), query);
        }

        return new TicketPage(rows.Select(r => new StoredTicket(r.Id, r.Version, r.StateJson)).ToList(), next);
    }

    private static void AddFilter(StringBuilder sql, DynamicParameters parameters, string condition, string name, object? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(condition);
            parameters.Add(name, value);
        }
    }
}
