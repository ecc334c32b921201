namespace Hotline.Telephony.Acd;

/// <summary>A citizen to call back; the host stores it durably through <see cref="ICallbackRequestStore"/>.</summary>
public sealed record CallbackRequest(
    string CallId,
    string Number,
    string QueueId,
    CallbackKind Kind,
    DateTimeOffset RequestedAt,
    TimeSpan Waited);
