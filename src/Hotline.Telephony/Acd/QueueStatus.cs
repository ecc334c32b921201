namespace Hotline.Telephony.Acd;

/// <summary>What a waiting caller is told: place in line, estimated wait, and whether to offer a callback.</summary>
/// <param name="EstimatedWait">Null when no agent with the skill is working (the wait cannot be estimated).</param>
public sealed record QueueStatus(int Position, TimeSpan? EstimatedWait, bool OfferCallback);
