using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// The wire form shared by the stores' page tokens: base64url of version | ticks | id | check, where the
/// check hashes the position with the list's scope (its filters or range), so a damaged token, or one
/// replayed against another list, is refused. The tokens themselves say what the position means.
/// </summary>
internal static class KeysetToken
{
    public static string Encode(string version, long ticks, string id, string scope) =>
        Base64Url(Encoding.UTF8.GetBytes(string.Join('\n', version, Ticks(ticks), id, Check(scope, ticks, id))));

    /// <summary>Malformed when the text is not a token of this version; WrongScope when it belongs to another list.</summary>
    public static KeysetTokenStatus TryDecode(string text, string version, string scope, out long ticks, out string id)
    {
        ticks = 0;
        id = string.Empty;
        var parts = TryDecodeText(text)?.Split('\n');
        if (parts is not { Length: 4 } || parts[0] != version
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks || parts[2].Length == 0)
        {
            return KeysetTokenStatus.Malformed;
        }

        id = parts[2];
        return parts[3] == Check(scope, ticks, id) ? KeysetTokenStatus.Valid : KeysetTokenStatus.WrongScope;
    }

    /// <summary>Scope parts joined the way the check expects (unit separator between fields).</summary>
    public static string Scope(params string[] fields) => string.Join('\u001f', fields);

    public static string Ticks(long ticks) => ticks.ToString(CultureInfo.InvariantCulture);

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

    private static string Check(string scope, long ticks, string id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', scope, Ticks(ticks), id)));
        return BinaryPrimitives.ReadUInt64BigEndian(hash).ToString("x16", CultureInfo.InvariantCulture);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
