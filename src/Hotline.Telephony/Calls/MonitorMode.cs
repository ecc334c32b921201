namespace Hotline.Telephony.Calls;

/// <summary>How a monitoring supervisor takes part in a call; switched without redialling.</summary>
public enum MonitorMode
{
    /// <summary>Silent monitoring (监听): the supervisor hears caller and agent; nobody hears the supervisor.</summary>
    Listen,

    /// <summary>Whisper (耳语): the agent hears the supervisor, the caller does not.</summary>
    Whisper,

    /// <summary>Barge-in (强插): all three talk; the supervisor is recorded with the agent.</summary>
    Barge,
}
