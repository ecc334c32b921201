namespace Hotline.Telephony.Acd;

/// <summary>A call an agent answered, until it ends or is transferred.</summary>
internal sealed record ActiveCall(string AgentId, AcdQueueOptions Queue, DateTimeOffset AnsweredAt, string CallerNumber, int Priority);
