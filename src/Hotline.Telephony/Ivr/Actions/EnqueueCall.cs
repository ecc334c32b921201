namespace Hotline.Telephony.Ivr.Actions;

/// <summary>Hand the call to the ACD queue.</summary>
public sealed record EnqueueCall(string QueueId, int Priority) : IvrAction;
