namespace Hotline.Telephony.Media.Mixing;

/// <summary>A seat in a conference; also the index of its stream inside the mixer.</summary>
public enum ConferenceParty
{
    /// <summary>The citizen, on the relay's caller leg; the recording's left channel.</summary>
    Caller,

    /// <summary>The agent, on the relay's agent leg; mixed into the recording's right channel.</summary>
    Agent,

    /// <summary>The department the agent added, on the bridge's own leg; mixed into the right channel.</summary>
    ThirdParty,

    /// <summary>
    /// A supervisor monitoring the call, on the bridge's own leg; in the recording's right channel only while
    /// the caller hears it (barge-in).
    /// </summary>
    Supervisor,
}
