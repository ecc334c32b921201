namespace Hotline.Telephony.Acd.Events;

/// <summary>A callback to keep durably (ICallbackRequestStore).</summary>
public sealed record CallbackRequested(DateTimeOffset At, CallbackRequest Request) : AcdEvent(At);
