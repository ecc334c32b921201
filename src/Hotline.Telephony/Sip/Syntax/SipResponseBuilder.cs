namespace Hotline.Telephony.Sip.Syntax;

/// <summary>
/// Builds a response to a request as RFC 3261 §8.2.6.2 requires: Via values (in order), From, To, Call-ID
/// and CSeq copied; a To tag added unless the request had one or the response is 100 Trying; Timestamp
/// echoed on 100 (§8.2.6.1).
/// </summary>
internal sealed class SipResponseBuilder
{
    private readonly SipRequest _request;
    private readonly int _statusCode;
    private readonly string _reasonPhrase;
    private readonly List<SipHeader> _extra = [];
    private string? _toTag;
    private ReadOnlyMemory<byte> _body;

    private SipResponseBuilder(SipRequest request, int statusCode, string? reasonPhrase)
    {
        _request = request;
        _statusCode = statusCode;
        _reasonPhrase = reasonPhrase ?? SipStatus.ReasonPhrase(statusCode);
    }

    public static SipResponseBuilder For(SipRequest request, int statusCode, string? reasonPhrase = null) =>
        new(request, statusCode, reasonPhrase);

    /// <summary>The tag to add to To when the request's To has none (§8.2.6.2); ignored for 100.</summary>
    public SipResponseBuilder WithToTag(string tag)
    {
        _toTag = tag;
        return this;
    }

    public SipResponseBuilder WithHeader(string name, string value)
    {
        _extra.Add(new SipHeader(name, value));
        return this;
    }

    public SipResponseBuilder WithBody(string contentType, ReadOnlyMemory<byte> body)
    {
        _extra.Add(new SipHeader(SipHeaderNames.ContentType, contentType));
        _body = body;
        return this;
    }

    public SipResponse Build()
    {
        var headers = new List<SipHeader>(8 + _extra.Count);
        foreach (var via in _request.Vias)
        {
            headers.Add(new SipHeader(SipHeaderNames.Via, via.ToString()));
        }
        headers.Add(new SipHeader(SipHeaderNames.From, _request.Headers[SipHeaderNames.From]!));
        var to = _request.To;
        var toValue = _request.Headers[SipHeaderNames.To]!;
        if (to.Tag is null && _statusCode > 100)
        {
            to = to.WithTag(_toTag ?? SipIdentifiers.NewTag());
            toValue = to.ToString();
        }
        headers.Add(new SipHeader(SipHeaderNames.To, toValue));
        headers.Add(new SipHeader(SipHeaderNames.CallId, _request.CallId));
        headers.Add(new SipHeader(SipHeaderNames.CSeq, _request.CSeq.ToString()));
        var timestamp = _request.Headers[SipHeaderNames.Timestamp];
        if (_statusCode == 100 && timestamp is not null)
        {
            headers.Add(new SipHeader(SipHeaderNames.Timestamp, timestamp));
        }
        headers.AddRange(_extra);
        // The core headers are the request's (already validated) with the new To; nothing to parse again.
        var core = _request.Core with { To = to, MaxForwards = null };
        return SipResponse.CreateTrusted(_statusCode, _reasonPhrase, new SipHeaderCollection(headers), _body, core);
    }
}
