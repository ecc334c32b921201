namespace Hotline.Telephony.Sip.Syntax;

/// <summary>A SIP request (RFC 3261 §7.1).</summary>
internal sealed class SipRequest : SipMessage
{
    private SipRequest(string method, SipUri requestUri, SipHeaderCollection headers, ReadOnlyMemory<byte> body, SipCoreHeaders core)
        : base(headers, body, core)
    {
        Method = method;
        RequestUri = requestUri;
    }

    /// <summary>The method token, case-sensitive (RFC 3261 §7.1).</summary>
    public string Method { get; }

    public SipUri RequestUri { get; }

    public override string StartLine => $"{Method} {RequestUri} SIP/2.0";

    /// <summary>This request with its top Via replaced (the transport stamps received/rport, RFC 3261 §18.2.1).</summary>
    public SipRequest WithTopVia(ViaHeader via) =>
        new(Method, RequestUri, Headers.ReplaceFirstValue(SipHeaderNames.Via, via.ToString()), Body, Core.WithTopVia(via));

    /// <summary>This request with one header line set (replacing lines of that name).</summary>
    public SipRequest WithHeader(string name, string value) => Create(Method, RequestUri, Headers.Set(name, value), Body);

    /// <summary>Builds a request from parts; throws when the core headers are missing or malformed.</summary>
    public static SipRequest Create(string method, SipUri requestUri, SipHeaderCollection headers, ReadOnlyMemory<byte> body = default) =>
        TryCreate(method, requestUri, headers, body, out var request, out var error)
            ? request
            : throw new ArgumentException(error!.ToString(), nameof(headers));

    internal static bool TryCreate(string method, SipUri requestUri, SipHeaderCollection headers, ReadOnlyMemory<byte> body, out SipRequest request, out SipParseError? error)
    {
        request = null!;
        if (!SipCoreHeaders.TryRead(headers, out var core, out error))
        {
            return false;
        }
        // RFC 3261 §8.2 / RFC 4475 §3.1.2.1: the CSeq method must match the request method.
        if (!string.Equals(core.CSeq.Method, method, StringComparison.Ordinal))
        {
            error = new SipParseError(SipParseFailure.CSeqMethodMismatch, $"CSeq method {core.CSeq.Method} differs from {method}.");
            return false;
        }
        request = new SipRequest(method, requestUri, headers, body, core);
        return true;
    }
}
