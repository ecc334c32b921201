using System.Globalization;

namespace Hotline.Telephony.Sip.Syntax;

/// <summary>CSeq = 1*DIGIT LWS Method (RFC 3261 §20.16); the number is below 2**31 (§8.1.1.5).</summary>
internal sealed record CSeqHeader(long Number, string Method)
{
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + " " + Method;

    public static bool TryParse(ReadOnlySpan<char> text, out CSeqHeader cseq)
    {
        cseq = null!;
        text = text.Trim(" \t");
        var space = text.IndexOfAny(" \t");
        if (space <= 0 || !SipGrammar.TryParseDecimal(text[..space], int.MaxValue, out var number))
        {
            return false;
        }
        var method = text[space..].TrimStart(" \t");
        if (!SipGrammar.IsToken(method))
        {
            return false;
        }
        cseq = new CSeqHeader(number, method.ToString());
        return true;
    }
}
