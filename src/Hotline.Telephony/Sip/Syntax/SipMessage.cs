namespace Hotline.Telephony.Sip.Syntax;

/// <summary>An immutable SIP message: header lines in order, the typed core headers, and the body bytes.</summary>
internal abstract class SipMessage
{
    private readonly SipCoreHeaders _core;

    private protected SipMessage(SipHeaderCollection headers, ReadOnlyMemory<byte> body, SipCoreHeaders core)
    {
        Headers = headers;
        Body = body;
        _core = core;
    }

    public SipHeaderCollection Headers { get; }

    /// <summary>The typed core headers, for building related messages without parsing them again.</summary>
    internal SipCoreHeaders Core => _core;

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Via values top first (RFC 3261 §20.42).</summary>
    public IReadOnlyList<ViaHeader> Vias => _core.Vias;

    public ViaHeader TopVia => _core.Vias[0];

    public NameAddressHeader From => _core.From;

    public NameAddressHeader To => _core.To;

    public string CallId => _core.CallId;

    public CSeqHeader CSeq => _core.CSeq;

    public int? MaxForwards => _core.MaxForwards;

    public string? ContentType => Headers[SipHeaderNames.ContentType];

    /// <summary>The start line without CRLF.</summary>
    public abstract string StartLine { get; }
}
