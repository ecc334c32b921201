namespace Hotline.Telephony.Acd;

/// <summary>
/// A citizen to call back; the host stores it durably through <see cref="ICallbackRequestStore"/>.
/// <paramref name="FlagReason"/> is set when the number is not one the edge may dial by itself
/// (Callbacks:AllowedNumbers): the request is kept, and an agent decides.
/// </summary>
public sealed record CallbackRequest(
    string CallId,
    string Number,
    string QueueId,
    CallbackKind Kind,
    DateTimeOffset RequestedAt,
    TimeSpan Waited,
    string? FlagReason = null)
{
    /// <summary>True when the edge will not dial this number and an agent must handle the request.</summary>
    public bool NeedsAgent => FlagReason is not null;
}
