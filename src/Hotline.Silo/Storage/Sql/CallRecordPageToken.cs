using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// Keyset position in a call record list: the last record's (arrived_at, call_id) as stored. Opaque to
/// clients: base64url of "c1" | ticks | call id | check, where the check hashes the position with the
/// list's [from, to), so a damaged token, or one replayed against another range, is refused.
/// </summary>
internal sealed record CallRecordPageToken(long ArrivedTicks, string CallId)
{
    private const string Version = "c1";

    public string Encode(DateTimeOffset from, DateTimeOffset to) =>
        Base64Url(Encoding.UTF8.GetBytes(string.Join('\n', Version, Ticks(ArrivedTicks), CallId, Check(from, to, ArrivedTicks, CallId))));

    /// <exception cref="ArgumentException">The token is malformed or was issued for another range.</exception>
    public static CallRecordPageToken Decode(string text, DateTimeOffset from, DateTimeOffset to)
    {
        var parts = TryDecodeText(text)?.Split('\n');
        if (parts is not { Length: 4 } || parts[0] != Version
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks || parts[2].Length == 0)
        {
            throw new ArgumentException("the page token is malformed.", "pageToken");
        }

        if (parts[3] != Check(from, to, ticks, parts[2]))
        {
            throw new ArgumentException("the page token is damaged or was issued for another time range; repeat the same range or start without a token.", "pageToken");
        }

        return new CallRecordPageToken(ticks, parts[2]);
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

    private static string Check(DateTimeOffset from, DateTimeOffset to, long ticks, string callId)
    {
        var text = string.Join('\u001f', Ticks(from.UtcTicks), Ticks(to.UtcTicks), Ticks(ticks), callId);
        return BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToString("x16", CultureInfo.InvariantCulture);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
