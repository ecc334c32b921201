namespace Hotline.Telephony.Acd.Events;

/// <summary>Something the ACD decided; the edge acts on it (ring, cancel, bridge, announce) and records it.</summary>
public abstract record AcdEvent(DateTimeOffset At);
