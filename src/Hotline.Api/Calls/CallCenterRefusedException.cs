using Hotline.Telephony.Calls;

namespace Hotline.Api.Calls;

/// <summary>The call center refused a command; the status interceptor answers the status of the same kind.</summary>
internal sealed class CallCenterRefusedException(CallCenterRefusal refusal, string message) : Exception(message)
{
    public CallCenterRefusal Refusal { get; } = refusal;
}
