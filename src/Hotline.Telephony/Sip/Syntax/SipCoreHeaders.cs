namespace Hotline.Telephony.Sip.Syntax;

/// <summary>
/// The headers every request and response must carry (RFC 3261 §8.1.1, §8.2.6.2), read once and typed.
/// A message missing one, or carrying two of a single-valued one, is rejected 400 (RFC 4475 §3.1.2.14).
/// </summary>
internal sealed record SipCoreHeaders(
    IReadOnlyList<ViaHeader> Vias,
    NameAddressHeader From,
    NameAddressHeader To,
    string CallId,
    CSeqHeader CSeq,
    int? MaxForwards)
{
    private static readonly string[] SingleValued =
    [
        SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq,
        SipHeaderNames.MaxForwards, SipHeaderNames.ContentLength, SipHeaderNames.ContentType,
    ];

    public SipCoreHeaders WithTopVia(ViaHeader via) => this with { Vias = [via, .. Vias.Skip(1)] };

    public static bool TryRead(SipHeaderCollection headers, out SipCoreHeaders core, out SipParseError? error)
    {
        core = null!;
        error = CheckSingleValued(headers);
        if (error is not null)
        {
            return false;
        }
        if (!TryReadVias(headers, out var vias, out error)
            || !TryReadAddress(headers, SipHeaderNames.From, out var from, out error)
            || !TryReadAddress(headers, SipHeaderNames.To, out var to, out error))
        {
            return false;
        }
        var callId = headers[SipHeaderNames.CallId];
        if (string.IsNullOrEmpty(callId) || !SipGrammar.IsCallId(callId))
        {
            error = callId is null ? Missing(SipHeaderNames.CallId) : Invalid(SipHeaderNames.CallId);
            return false;
        }
        var cseqText = headers[SipHeaderNames.CSeq];
        if (cseqText is null || !CSeqHeader.TryParse(cseqText, out var cseq))
        {
            error = cseqText is null ? Missing(SipHeaderNames.CSeq) : Invalid(SipHeaderNames.CSeq);
            return false;
        }
        int? maxForwards = null;
        var maxForwardsText = headers[SipHeaderNames.MaxForwards];
        if (maxForwardsText is not null)
        {
            // RFC 3261 §20.22: Max-Forwards is 0-255 (RFC 4475 §3.1.2.4 sends 300 and expects 400).
            if (!SipGrammar.TryParseDecimal(maxForwardsText, 255, out var value))
            {
                error = Invalid(SipHeaderNames.MaxForwards);
                return false;
            }
            maxForwards = (int)value;
        }
        core = new SipCoreHeaders(vias, from, to, callId, cseq, maxForwards);
        return true;
    }

    /// <summary>One pass over the lines: each single-valued header at most once, and with no top-level comma.</summary>
    private static SipParseError? CheckSingleValued(SipHeaderCollection headers)
    {
        Span<bool> seen = stackalloc bool[SingleValued.Length];
        foreach (var header in headers.All)
        {
            var index = IndexOfSingleValued(header.Name);
            if (index < 0)
            {
                continue;
            }
            var listLike = index != SingleValued.Length - 1 && header.Value.Contains(',', StringComparison.Ordinal)
                && SipGrammar.IndexOfUnquoted(StripAngles(header.Value), ',') >= 0;
            if (seen[index] || listLike)
            {
                return new SipParseError(SipParseFailure.DuplicateSingleHeader, $"{SingleValued[index]} must appear once with one value.");
            }
            seen[index] = true;
        }
        return null;
    }

    private static int IndexOfSingleValued(string name)
    {
        for (var i = 0; i < SingleValued.Length; i++)
        {
            if (string.Equals(SingleValued[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Drops every &lt;…&gt; span, where a URI may legally hold a comma.</summary>
    private static string StripAngles(string value)
    {
        if (value.IndexOf('<') < 0)
        {
            return value;
        }
        var builder = new System.Text.StringBuilder(value.Length);
        var depth = 0;
        foreach (var c in value)
        {
            depth += c == '<' ? 1 : 0;
            if (depth == 0)
            {
                builder.Append(c);
            }
            depth -= c == '>' && depth > 0 ? 1 : 0;
        }
        return builder.ToString();
    }

    private static bool TryReadVias(SipHeaderCollection headers, out IReadOnlyList<ViaHeader> vias, out SipParseError? error)
    {
        vias = [];
        error = null;
        // Via = 1#via-parm: a Via line with no value at all is malformed even when other Via lines exist.
        if (!headers.TryGetValues(SipHeaderNames.Via, out var values) || values.Count == 0
            || headers.GetLines(SipHeaderNames.Via).Any(string.IsNullOrWhiteSpace))
        {
            error = values.Count == 0 ? Missing(SipHeaderNames.Via) : Invalid(SipHeaderNames.Via);
            return false;
        }
        var parsed = new ViaHeader[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (!ViaHeader.TryParse(values[i], out parsed[i]))
            {
                error = Invalid(SipHeaderNames.Via);
                return false;
            }
        }
        vias = parsed;
        return true;
    }

    private static bool TryReadAddress(SipHeaderCollection headers, string name, out NameAddressHeader address, out SipParseError? error)
    {
        address = null!;
        error = null;
        var text = headers[name];
        if (text is null || !NameAddressHeader.TryParse(text, out address))
        {
            error = text is null ? Missing(name) : Invalid(name);
            return false;
        }
        return true;
    }

    private static SipParseError Missing(string name) => new(SipParseFailure.MissingRequiredHeader, $"{name} is required.");

    private static SipParseError Invalid(string name) => new(SipParseFailure.InvalidHeaderValue, $"{name} is malformed.");
}
