using Dapper;
using Hotline.Silo.Agents;
using Hotline.Telephony.Registrar;
using Microsoft.Extensions.Logging;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// The agents table: the registrar's credential lookup and the CLI's directory. Only HA1 hashes are
/// stored, each bound to the realm it was made for; when the configured realm has changed since, the
/// hashes cannot match any client's answer, so the agent is reported unknown and a warning says why.
/// </summary>
internal sealed class SqlAgentCredentialStore(SqlDialect dialect, AgentRealm realm, TimeProvider timeProvider, ILogger<SqlAgentCredentialStore> logger)
    : IAgentCredentialStore, IAgentDirectory
{
    private const string Upsert = """
        INSERT INTO agents (id, realm, ha1_md5, ha1_sha256, skills, enabled, created_at, updated_at)
        VALUES (@id, @realm, @md5, @sha256, @skills, @enabled, @now, @now)
        """;

    public async ValueTask<AgentCredential?> FindAsync(string agentId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string Realm, string Md5, string Sha256, string Skills)?>(new CommandDefinition(
            "SELECT realm, ha1_md5, ha1_sha256, skills FROM agents WHERE id = @agentId AND enabled = @enabled",
            new { agentId, enabled = true }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is not { } r)
        {
            return null;
        }

        if (r.Realm != realm.Value)
        {
            StorageLog.AgentRealmChanged(logger, agentId, r.Realm, realm.Value);
            return null;
        }

        return new AgentCredential(agentId, Password: null, r.Md5, r.Sha256, AgentSkills.Parse(r.Skills));
    }

    public async Task<bool> AddAsync(NewAgent agent, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            Upsert + " ON CONFLICT (id) DO NOTHING", Row(agent), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return added == 1;
    }

    public async Task<int> ImportAsync(IReadOnlyList<NewAgent> agents, CancellationToken cancellationToken)
    {
        var rows = agents.Select(Row).ToList();
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var existing = 0;
        foreach (var chunk in agents.Select(a => a.AgentId).Chunk(500))
        {
            existing += await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                $"SELECT COUNT(*) FROM agents WHERE {dialect.InList("id", "ids")}", new { ids = chunk },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            Upsert + """
             ON CONFLICT (id) DO UPDATE SET realm = excluded.realm, ha1_md5 = excluded.ha1_md5,
                ha1_sha256 = excluded.ha1_sha256, skills = excluded.skills, enabled = excluded.enabled, updated_at = excluded.updated_at
            """, rows, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return agents.Count - existing;
    }

    public async Task<IReadOnlyList<AgentEntry>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Id, string Skills, object Enabled, string Realm, object CreatedAt, object UpdatedAt)>(new CommandDefinition(
            "SELECT id, skills, enabled, realm, created_at, updated_at FROM agents ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new AgentEntry(
            r.Id, AgentSkills.Parse(r.Skills), Convert.ToBoolean(r.Enabled, System.Globalization.CultureInfo.InvariantCulture), r.Realm,
            dialect.FromDb(r.CreatedAt), dialect.FromDb(r.UpdatedAt))).ToList();
    }

    public async Task<bool> RemoveAsync(string agentId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM agents WHERE id = @agentId", new { agentId }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task<bool> SetEnabledAsync(string agentId, bool enabled, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE agents SET enabled = @enabled, updated_at = @now WHERE id = @agentId",
            new { agentId, enabled, now = dialect.ToDb(timeProvider.GetUtcNow()) },
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task<bool> SetPasswordAsync(string agentId, string password, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE agents SET realm = @realm, ha1_md5 = @md5, ha1_sha256 = @sha256, updated_at = @now WHERE id = @agentId",
            new
            {
                agentId,
                realm = realm.Value,
                md5 = AgentDigest.Md5Ha1(agentId, realm.Value, password),
                sha256 = AgentDigest.Sha256Ha1(agentId, realm.Value, password),
                now = dialect.ToDb(timeProvider.GetUtcNow()),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    private object Row(NewAgent agent) => new
    {
        id = agent.AgentId,
        realm = realm.Value,
        md5 = AgentDigest.Md5Ha1(agent.AgentId, realm.Value, agent.Password),
        sha256 = AgentDigest.Sha256Ha1(agent.AgentId, realm.Value, agent.Password),
        skills = AgentSkills.Format(agent.Skills),
        enabled = true,
        now = dialect.ToDb(timeProvider.GetUtcNow()),
    };
}
