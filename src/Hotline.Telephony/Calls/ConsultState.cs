namespace Hotline.Telephony.Calls;

/// <summary>Where a call's consultation (咨询转) stands; refusals name it.</summary>
internal enum ConsultState
{
    /// <summary>No consultation.</summary>
    Idle,

    /// <summary>The caller is on hold and the consulted party is being rung.</summary>
    Dialing,

    /// <summary>The agent talks with the consulted party; the caller hears music.</summary>
    Consulting,

    /// <summary>The caller talks with the consulted party; the agent has left.</summary>
    Transferred,
}
