using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Registrar;

internal static partial class RegistrarLog
{
    [LoggerMessage(3001, LogLevel.Information, "Agent {AgentId} registration {Kind}: {Count} contact(s)")]
    public static partial void RegistrationChanged(ILogger logger, string agentId, RegistrationChangeKind kind, int count);

    [LoggerMessage(3002, LogLevel.Error, "Registration listener failed")]
    public static partial void ListenerFailed(ILogger logger, Exception exception);

    [LoggerMessage(3004, LogLevel.Warning, "Agent {AgentId} contact {Contact} did not answer OPTIONS ({Failure}); removed")]
    public static partial void ContactUnreachable(ILogger logger, string agentId, string contact, Hotline.Telephony.Sip.Transactions.SipClientFailure failure);

    [LoggerMessage(3003, LogLevel.Debug, "REGISTER for {AgentId} answered {Status}")]
    public static partial void Answered(ILogger logger, string agentId, int status);
}
