using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Sip.Syntax;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Sip.Transport;

internal static partial class SipTransportLog
{
    [LoggerMessage(1001, LogLevel.Information, "SIP listening on udp {Udp} and tcp {Tcp}")]
    public static partial void Listening(ILogger logger, IPEndPoint udp, IPEndPoint tcp);

    [LoggerMessage(1002, LogLevel.Debug, "Receive failed: {Error}")]
    public static partial void ReceiveFailed(ILogger logger, SocketError error);

    [LoggerMessage(1003, LogLevel.Error, "SIP message handler failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(1004, LogLevel.Warning, "TCP connection from {Remote} refused: {Reason}; {Suppressed} earlier refusals not logged")]
    public static partial void ConnectionRefused(ILogger logger, EndPoint remote, string reason, int suppressed);

    [LoggerMessage(1005, LogLevel.Debug, "Rejected message from {Remote} over {Transport}: {Error}; answered: {Answered}; {Suppressed} earlier rejections not logged")]
    public static partial void Rejected(ILogger logger, IPEndPoint remote, SipTransportKind transport, SipParseError error, bool answered, int suppressed);

    [LoggerMessage(1006, LogLevel.Debug, "Rate limit dropped a message from {Remote}")]
    public static partial void RateLimited(ILogger logger, IPAddress remote);

    [LoggerMessage(1008, LogLevel.Debug, "TLS handshake with {Remote} failed: {Error}; {Suppressed} earlier refusals not logged")]
    public static partial void HandshakeFailed(ILogger logger, IPEndPoint remote, string error, int suppressed);

    [LoggerMessage(1009, LogLevel.Information, "SIP listening on tls {Tls}")]
    public static partial void ListeningTls(ILogger logger, IPEndPoint tls);

    [LoggerMessage(1007, LogLevel.Debug, "Send failed: {Error}")]
    public static partial void SendFailed(ILogger logger, string error);
}
