using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// Keyset position of a ticket list: the last row's (created_at, id), bound to the query's filters
/// so a token from one list cannot be replayed against another. Opaque to clients: base64url of
/// "v1" | filter fingerprint | created ticks | id.
/// </summary>
internal sealed record PageToken(long CreatedTicks, string TicketId)
{
    public const string FieldName = "page_token";
    private const string Version = "v1";

    public static string Encode(PageToken token, TicketQuery query) =>
        Base64Url(Encoding.UTF8.GetBytes(string.Join('\n', Version, Fingerprint(query), token.CreatedTicks.ToString(CultureInfo.InvariantCulture), token.TicketId)));

    /// <summary>Decodes a token given back by a client; anything not made by <see cref="Encode"/> for this query is refused.</summary>
    /// <exception cref="ArgumentException">The token is malformed or belongs to another query.</exception>
    public static PageToken Decode(string text, TicketQuery query)
    {
        var parts = TryDecodeText(text)?.Split('\n');
        if (parts is not { Length: 4 } || parts[0] != Version
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks || parts[3].Length == 0)
        {
            throw new ArgumentException("page_token is malformed.", FieldName);
        }

        if (parts[1] != Fingerprint(query))
        {
            throw new ArgumentException("page_token belongs to a different query; repeat the same filters or start without a token.", FieldName);
        }

        return new PageToken(ticks, parts[3]);
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

    private static string Fingerprint(TicketQuery query)
    {
        var filters = string.Join('\u001f',
            string.Join('\u001e', query.States ?? []),
            query.DepartmentId ?? "",
            query.CallerPhone ?? "",
            query.District ?? "",
            query.CreatedFrom?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "",
            query.CreatedTo?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(filters));
        return BinaryPrimitives.ReadUInt32BigEndian(hash).ToString("x8", CultureInfo.InvariantCulture);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
