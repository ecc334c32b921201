using System.Globalization;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// Keyset position of a ticket list: the last row's (created_at, id), in a <see cref="KeysetToken"/>
/// scoped to the query's filters.
/// </summary>
internal sealed record PageToken(long CreatedTicks, string TicketId)
{
    public const string FieldName = "page_token";
    private const string Version = "v1";

    public static string Encode(PageToken token, TicketQuery query) =>
        KeysetToken.Encode(Version, token.CreatedTicks, token.TicketId, Scope(query));

    /// <summary>Decodes a token given back by a client; anything not made by <see cref="Encode"/> for this query is refused.</summary>
    /// <exception cref="ArgumentException">The token is malformed or belongs to another query.</exception>
    public static PageToken Decode(string text, TicketQuery query) =>
        KeysetToken.TryDecode(text, Version, Scope(query), out var ticks, out var ticketId) switch
        {
            KeysetTokenStatus.Valid => new PageToken(ticks, ticketId),
            KeysetTokenStatus.Malformed => throw new ArgumentException("page_token is malformed.", FieldName),
            _ => throw new ArgumentException("page_token is damaged or was issued for a different query; repeat the same filters or start without a token.", FieldName),
        };

    private static string Scope(TicketQuery query) => KeysetToken.Scope(
        string.Join('\u001e', query.States ?? []),
        query.DepartmentId ?? "",
        query.CallerPhone ?? "",
        query.District ?? "",
        query.CreatedFrom?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "",
        query.CreatedTo?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "",
        query.ExtensionPending ? "extension" : "");
}
