using System.Globalization;

namespace Hotline.Telephony.Sip.Syntax;

/// <summary>A SIP response (RFC 3261 §7.2).</summary>
internal sealed class SipResponse : SipMessage
{
    private SipResponse(int statusCode, string reasonPhrase, SipHeaderCollection headers, ReadOnlyMemory<byte> body, SipCoreHeaders core)
        : base(headers, body, core)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public bool IsProvisional => StatusCode < 200;

    public override string StartLine => "SIP/2.0 " + StatusCode.ToString(CultureInfo.InvariantCulture) + " " + ReasonPhrase;

    public static SipResponse Create(int statusCode, string reasonPhrase, SipHeaderCollection headers, ReadOnlyMemory<byte> body = default) =>
        TryCreate(statusCode, reasonPhrase, headers, body, out var response, out var error)
            ? response
            : throw new ArgumentException(error!.ToString(), nameof(headers));

    /// <summary>For builders that already hold the typed core headers matching <paramref name="headers"/>.</summary>
    internal static SipResponse CreateTrusted(int statusCode, string reasonPhrase, SipHeaderCollection headers, ReadOnlyMemory<byte> body, SipCoreHeaders core) =>
        new(statusCode, reasonPhrase, headers, body, core);

    internal static bool TryCreate(int statusCode, string reasonPhrase, SipHeaderCollection headers, ReadOnlyMemory<byte> body, out SipResponse response, out SipParseError? error)
    {
        response = null!;
        if (!SipCoreHeaders.TryRead(headers, out var core, out error))
        {
            return false;
        }
        response = new SipResponse(statusCode, reasonPhrase, headers, body, core);
        return true;
    }
}
