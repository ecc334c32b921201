using Dapper;
using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// <see cref="IAgentStateLog"/> on agent_state_changes. One autocommitted INSERT per change: the connection's
/// synchronous=FULL (SQLite) or the server's commit makes it durable before the call returns.
/// </summary>
internal sealed class SqlAgentStateLog(SqlDialect dialect) : IAgentStateLog
{
    private const string Columns = "seq, at, from_state, to_state, reason, call_id";

    public async Task AppendAsync(string agentId, long seq, AgentStateChange change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seq);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO agent_state_changes (agent_id, {Columns}) VALUES (@agentId, @seq, @at, @from, @to, @reason, @callId)",
            new
            {
                agentId,
                seq,
                at = dialect.ToDb(change.At),
                from = StoredName.Of(change.From),
                to = StoredName.Of(change.To),
                reason = change.Reason ?? "",
                callId = change.CallId,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<StoredAgentStateChange?> ReadLatestAsync(string agentId, CancellationToken cancellationToken) =>
        (await ReadRecentAsync(agentId, 1, cancellationToken).ConfigureAwait(false)) is [var latest] ? latest : null;

    public async Task<IReadOnlyList<StoredAgentStateChange>> ReadRecentAsync(string agentId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long Seq, object At, string From, string To, string Reason, string? CallId)>(new CommandDefinition(
            $"SELECT {Columns} FROM agent_state_changes WHERE agent_id = @agentId ORDER BY seq DESC LIMIT @limit",
            new { agentId, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows
            .Select(r => new StoredAgentStateChange(r.Seq, new AgentStateChange(
                dialect.FromDb(r.At), StoredName.Parse<AgentState>(r.From), StoredName.Parse<AgentState>(r.To), r.Reason, r.CallId)))
            .Reverse()
            .ToList();
    }
}
