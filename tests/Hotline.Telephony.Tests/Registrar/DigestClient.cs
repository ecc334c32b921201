using System.Security.Cryptography;
using System.Text;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Tests.Registrar;

/// <summary>The client half of RFC 7616 digest, written from the RFC for the tests.</summary>
internal static class DigestClient
{
    public static string Authorization(string challenge, string user, string password, string method, string uri, int nc = 1, string cnonce = "0a4f113b")
    {
        var realm = Param(challenge, "realm");
        var nonce = Param(challenge, "nonce");
        var algorithm = Param(challenge, "algorithm");
        var ncText = nc.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var ha1 = H(algorithm, $"{user}:{realm}:{password}");
        var ha2 = H(algorithm, $"{method}:{uri}");
        var response = H(algorithm, $"{ha1}:{nonce}:{ncText}:{cnonce}:auth:{ha2}");
        return $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", algorithm={algorithm}, cnonce=\"{cnonce}\", qop=auth, nc={ncText}";
    }

    public static string H(string algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
#pragma warning disable CA5351
        return Convert.ToHexStringLower(algorithm == "SHA-256" ? SHA256.HashData(bytes) : MD5.HashData(bytes));
#pragma warning restore CA5351
    }

    public static string Param(string challenge, string name)
    {
        var items = new List<string>();
        Assert.True(SipGrammar.TrySplitList(challenge["Digest ".Length..], items));
        var item = items.Single(i => i.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase));
        return SipGrammar.Unquote(item[(name.Length + 1)..]);
    }
}
