using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Registrar;

/// <summary>The parameters of an "Authorization: Digest …" header (RFC 7616 §3.4, RFC 3261 §22.4).</summary>
internal sealed record DigestCredentials(IReadOnlyDictionary<string, string> Values)
{
    public string? Username => Get("username");
    public string? Realm => Get("realm");
    public string? Nonce => Get("nonce");
    public string? Uri => Get("uri");
    public string? Response => Get("response");
    public string Algorithm => Get("algorithm") ?? DigestAlgorithm.Md5;
    public string? CNonce => Get("cnonce");
    public string? Qop => Get("qop");
    public string? NonceCount => Get("nc");

    private string? Get(string name) => Values.GetValueOrDefault(name);

    public static bool TryParse(string header, out DigestCredentials credentials)
    {
        credentials = null!;
        var text = header.AsSpan().TrimStart();
        if (!text.StartsWith("Digest", StringComparison.OrdinalIgnoreCase) || text.Length < 7 || !SipGrammar.IsWhitespace(text[6]))
        {
            return false;
        }
        var items = new List<string>();
        if (!SipGrammar.TrySplitList(text[7..].ToString(), items))
        {
            return false;
        }
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var equals = item.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }
            var name = item[..equals].Trim();
            var raw = item[(equals + 1)..].Trim();
            // RFC 7616 §3.4: every parameter has a value (a token or a quoted string, which may be "").
            // A repeated parameter is ambiguous; refuse rather than guess which one was signed.
            if (raw.Length == 0 || !values.TryAdd(name, SipGrammar.Unquote(raw)))
            {
                return false;
            }
        }
        credentials = new DigestCredentials(values);
        return true;
    }
}
