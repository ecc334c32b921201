using System.Collections.Concurrent;
using Dapper;
using Hotline.Contracts.Security;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// <see cref="ITokenStore"/> on the tokens table. Validations are cached briefly because every API
/// call validates its token; a token revoked in the database stops working within <see cref="CacheFor"/>,
/// and an expired one at its expiry (a cached validation never outlives the token). The cache is keyed by the
/// token itself, so a call whose token was seen recently is not hashed again (SHA-256 and its hex were about
/// 2 % of a gRPC transition's server CPU, load/RESULTS-grpc.md); only the hash is ever stored in the database.
/// </summary>
internal sealed class SqlTokenStore(SqlDialect dialect, TimeProvider timeProvider) : ITokenStore
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const int MaxCached = 10_000;

    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>Hex digits of the hash that name a token in <c>token list</c> and <c>token revoke</c>.</summary>
    public const int HandleLength = 12;

    public async Task<string> IssueAsync(Caller caller, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrWhiteSpace(caller.Id);
        if ((caller.Kind == CallerKind.Department) != (caller.Role == StaffRole.None))
        {
            throw new ArgumentException("Departments carry no role; staff need one.", nameof(caller));
        }

        var token = TokenText.Create();
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            // A token without expiry leaves the column NULL (an untyped null parameter is not bound portably).
            expiresAt is null
                ? "INSERT INTO tokens (hash, kind, id, role, issued_at, revoked) VALUES (@hash, @kind, @id, @role, @issuedAt, @revoked)"
                : "INSERT INTO tokens (hash, kind, id, role, issued_at, revoked, expires_at) VALUES (@hash, @kind, @id, @role, @issuedAt, @revoked, @expiresAt)",
            new
            {
                hash = TokenText.Hash(token),
                kind = KindName(caller.Kind),
                id = caller.Id,
                role = RoleName(caller.Role),
                issuedAt = dialect.ToDb(timeProvider.GetUtcNow()),
                revoked = false,
                expiresAt = dialect.ToDb(expiresAt ?? DateTimeOffset.MaxValue),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return token;
    }

    public async ValueTask<Caller?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!TokenText.IsWellFormed(token))
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        if (_cache.TryGetValue(token, out var cached) && cached.Until > now)
        {
            return cached.Caller;
        }

        var hash = TokenText.Hash(token);

        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string Kind, string Id, string Role, object? ExpiresAt)?>(new CommandDefinition(
            "SELECT kind, id, role, expires_at FROM tokens WHERE hash = @hash AND revoked = @revoked",
            new { hash, revoked = false }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var expires = row?.ExpiresAt is { } stored and not DBNull ? dialect.FromDb(stored) : DateTimeOffset.MaxValue;
        if (row is not { } r || expires <= now || ParseCaller(r.Kind, r.Id, r.Role) is not { } caller)
        {
            _cache.TryRemove(token, out _);
            return null;
        }

        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }

        _cache[token] = (caller, expires - now < CacheFor ? expires : now + CacheFor);
        return caller;
    }

    public async Task<IReadOnlyList<IssuedToken>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, "", new { }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> RevokeAsync(TokenSelector selector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var (where, parameters) = selector.HandlePrefix is { } prefix
            ? ("WHERE hash LIKE @pattern", (object)new { pattern = prefix.ToLowerInvariant() + "%" })
            : ("WHERE kind = @kind AND id = @id", new { kind = selector.Kind, id = selector.Id });
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var matched = await ReadAsync(connection, where, parameters, cancellationToken).ConfigureAwait(false);
        if (selector.HandlePrefix is not null && matched.Count != 1)
        {
            return [.. matched.Select(t => t.Handle)];
        }

        foreach (var token in matched.Where(t => !t.Revoked))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE tokens SET revoked = @revoked WHERE hash LIKE @pattern",
                new { revoked = true, pattern = token.Handle + "%" }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        _cache.Clear();
        return [.. matched.Select(t => t.Handle)];
    }

    private async Task<List<IssuedToken>> ReadAsync(System.Data.Common.DbConnection connection, string where, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Hash, string Kind, string Id, string Role, object IssuedAt, object? ExpiresAt, object Revoked)>(new CommandDefinition(
            $"SELECT hash, kind, id, role, issued_at, expires_at, revoked FROM tokens {where} ORDER BY issued_at, hash",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new IssuedToken(
            r.Hash[..HandleLength],
            r.Kind,
            r.Id,
            r.Role,
            dialect.FromDb(r.IssuedAt),
            r.ExpiresAt is { } at and not DBNull ? dialect.FromDb(at) : null,
            Convert.ToBoolean(r.Revoked, System.Globalization.CultureInfo.InvariantCulture)))];
    }

    private static Caller? ParseCaller(string kind, string id, string role) => (kind, role) switch
    {
        ("department", "none") => new Caller(CallerKind.Department, id, StaffRole.None),
        ("staff", "agent") => new Caller(CallerKind.Staff, id, StaffRole.Agent),
        ("staff", "supervisor") => new Caller(CallerKind.Staff, id, StaffRole.Supervisor),
        ("staff", "editor") => new Caller(CallerKind.Staff, id, StaffRole.Editor),
        _ => null,
    };

    private static string KindName(CallerKind kind) => kind switch
    {
        CallerKind.Department => "department",
        CallerKind.Staff => "staff",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown caller kind."),
    };

    private static string RoleName(StaffRole role) => role switch
    {
        StaffRole.None => "none",
        StaffRole.Agent => "agent",
        StaffRole.Supervisor => "supervisor",
        StaffRole.Editor => "editor",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown staff role."),
    };
}
