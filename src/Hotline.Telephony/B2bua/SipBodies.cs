using System.Text;
using Hotline.Telephony.Sdp;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.B2bua;

/// <summary>Reading and attaching message bodies for the B2BUA's legs.</summary>
internal static class SipBodies
{
    /// <summary>The request with this body and Content-Type in place of any it had.</summary>
    public static SipRequest WithBody(SipRequest request, string contentType, string body) =>
        SipRequest.Create(request.Method, request.RequestUri, request.Headers.Set(SipHeaderNames.ContentType, contentType), Encoding.UTF8.GetBytes(body));

    /// <summary>An SDP body we can read, or null (not SDP, empty, or malformed).</summary>
    public static SessionDescription? ReadSdp(SipMessage message) =>
        message.ContentType is { } type && type.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase) && !message.Body.IsEmpty
            && SdpParser.TryParse(Encoding.UTF8.GetString(message.Body.Span), out var sdp, out _)
            ? sdp
            : null;
}
