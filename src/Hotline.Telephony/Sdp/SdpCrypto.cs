using System.Globalization;
using Hotline.Telephony.Media.Srtp;

namespace Hotline.Telephony.Sdp;

/// <summary>
/// An SDES a=crypto attribute (RFC 4568 §9.1): "tag suite inline:key||salt[|lifetime][|MKI:length]
/// [session-params]". We speak only AES_CM_128_HMAC_SHA1_80 with a single key and no MKI (packets would
/// carry an MKI field we do not strip), so other lines are passed over.
/// </summary>
public sealed record SdpCrypto(int Tag, SrtpMasterKey Key)
{
    public const string AttributeName = "crypto";

    public const string Suite = "AES_CM_128_HMAC_SHA1_80";

    /// <summary>The first a=crypto in <paramref name="media"/> we can use, in the offerer's order of preference (§5.1.1).</summary>
    public static SdpCrypto? FirstUsable(MediaDescription media)
    {
        ArgumentNullException.ThrowIfNull(media);
        foreach (var attribute in media.OtherAttributes)
        {
            if (attribute.Name.Equals(AttributeName, StringComparison.OrdinalIgnoreCase) && attribute.Value is { } value && TryParse(value, out var crypto))
            {
                return crypto;
            }
        }
        return null;
    }

    public static bool TryParse(string value, out SdpCrypto? crypto)
    {
        ArgumentNullException.ThrowIfNull(value);
        crypto = null;
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // §9.1: tag is 1*9DIGIT; one key-param (several ';'-separated ones would need MKIs to tell apart).
        if (fields.Length < 3
            || fields[0].Length > 9
            || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var tag)
            || !fields[1].Equals(Suite, StringComparison.Ordinal)
            || fields[2].Contains(';', StringComparison.Ordinal)
            || !fields[2].StartsWith("inline:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var parts = fields[2]["inline:".Length..].Split('|');
        if (parts.Length > 2 || (parts.Length == 2 && parts[1].Contains(':', StringComparison.Ordinal)))
        {
            return false; // an MKI (the only '|' part with ':'), or more parts than key and lifetime
        }
        if (!SrtpMasterKey.TryParseBase64(parts[0], out var key))
        {
            return false;
        }
        crypto = new SdpCrypto(tag, key!);
        return true;
    }

    public SdpAttribute ToAttribute() =>
        new(AttributeName, string.Create(CultureInfo.InvariantCulture, $"{Tag} {Suite} inline:{Key.ToBase64()}"));
}
