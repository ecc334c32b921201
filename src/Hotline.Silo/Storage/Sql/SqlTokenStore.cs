using System.Collections.Concurrent;
using Dapper;
using Hotline.Contracts.Security;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// <see cref="ITokenStore"/> on the tokens table. Validations are cached briefly because every API
/// call validates its token; a token revoked in the database stops working within <see cref="CacheFor"/>.
/// </summary>
internal sealed class SqlTokenStore(SqlDialect dialect, TimeProvider timeProvider) : ITokenStore
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const int MaxCached = 10_000;

    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<string> IssueAsync(Caller caller, CancellationToken cancellationToken)
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
            "INSERT INTO tokens (hash, kind, id, role, issued_at, revoked) VALUES (@hash, @kind, @id, @role, @issuedAt, @revoked)",
            new
            {
                hash = TokenText.Hash(token),
                kind = KindName(caller.Kind),
                id = caller.Id,
                role = RoleName(caller.Role),
                issuedAt = dialect.ToDb(timeProvider.GetUtcNow()),
                revoked = false,
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

        var hash = TokenText.Hash(token);
        var now = timeProvider.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            return cached.Caller;
        }

        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string Kind, string Id, string Role)?>(new CommandDefinition(
            "SELECT kind, id, role FROM tokens WHERE hash = @hash AND revoked = @revoked",
            new { hash, revoked = false }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is not { } r || ParseCaller(r.Kind, r.Id, r.Role) is not { } caller)
        {
            _cache.TryRemove(hash, out _);
            return null;
        }

        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }

        _cache[hash] = (caller, now + CacheFor);
        return caller;
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
