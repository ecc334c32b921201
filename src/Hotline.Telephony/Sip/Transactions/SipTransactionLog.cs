using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Sip.Transactions;

internal static partial class SipTransactionLog
{
    [LoggerMessage(2001, LogLevel.Warning, "{Method} transaction transport error: {Error}")]
    public static partial void TransportError(ILogger logger, string method, string error);

    [LoggerMessage(2002, LogLevel.Debug, "{Method} client transaction timed out")]
    public static partial void ClientTimeout(ILogger logger, string method);

    [LoggerMessage(2003, LogLevel.Debug, "INVITE server transaction got no ACK (Timer H)")]
    public static partial void NoAck(ILogger logger);

    [LoggerMessage(2004, LogLevel.Debug, "Dropped a response matching no client transaction: {CSeq}")]
    public static partial void StrayResponse(ILogger logger, string cseq);

    [LoggerMessage(2005, LogLevel.Error, "Transaction user failed on {Method}")]
    public static partial void UserFailed(ILogger logger, string method, Exception exception);
}
