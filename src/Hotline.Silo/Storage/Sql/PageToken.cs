using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// Keyset position of a ticket list: the last row's (created_at, id). Opaque to clients: base64url
/// of "v1" | created ticks | id | check, where the check hashes the position together with the
/// query's filters, so a damaged token, or one replayed against another list, is refused.
/// </summary>
internal sealed record PageToken(long CreatedTicks, string TicketId)
{
    public const string FieldName = "page_token";
    private const string Version = "v1";

    public static string Encode(PageToken token, TicketQuery query) =>
        Base64Url(Encoding.UTF8.GetBytes(string.Join('\n', Version, Ticks(token.CreatedTicks), token.TicketId, Check(query, token.CreatedTicks, token.TicketId))));

    /// <summary>Decodes a token given back by a client; anything not made by <see cref="Encode"/> for this query is refused.</summary>
    /// <exception cref="ArgumentException">The token is malformed or belongs to another query.</exception>
    public static PageToken Decode(string text, TicketQuery query)
    {
        var parts = TryDecodeText(text)?.Split('\n');
        if (parts is not { Length: 4 } || parts[0] != Version
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks || parts[2].Length == 0)
        {
            throw new ArgumentException("page_token is malformed.", FieldName);
        }

        if (parts[3] != Check(query, ticks, parts[2]))
        {
            throw new ArgumentException("page_token is damaged or was issued for a different query; repeat the same filters or start without a token.", FieldName);
        }

        return new PageToken(ticks, parts[2]);
    }

    private static string? TryDecodeText(string text)
    {
        if (text.Length is 0 or > 1024)
        {
            return null;
        }

        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            return new UTF8Encoding(false, true).GetString(Convert.FromBase64String(base64));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static string Ticks(long ticks) => ticks.ToString(CultureInfo.InvariantCulture);

    private static string Check(TicketQuery query, long ticks, string ticketId)
    {
        var filters = string.Join('\u001f',
            string.Join('\u001e', query.States ?? []),
            query.DepartmentId ?? "",
            query.CallerPhone ?? "",
            query.District ?? "",
            query.CreatedFrom?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "",
            query.CreatedTo?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "",
            Ticks(ticks),
            ticketId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(filters));
        return BinaryPrimitives.ReadUInt64BigEndian(hash).ToString("x16", CultureInfo.InvariantCulture);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
