namespace Hotline.Telephony.Calls;

/// <summary>
/// Three-party calls (三方通话): the agent adds a handling department's number to the call, all three talk,
/// and the agent may leave the caller and the department talking. Only department numbers
/// (<see cref="IDepartmentNumbers"/>) can be added: the edge never dials an outside number an agent makes up.
/// </summary>
public interface IThreePartyCalls
{
    /// <summary>Dials the department; the result says whether it answered and joined.</summary>
    Task<CallCenterResult> AddThirdPartyAsync(string agentId, string number, CancellationToken cancellationToken);

    /// <summary>The agent leaves the three-party call; the caller and the department go on.</summary>
    Task<CallCenterResult> LeaveThreePartyAsync(string agentId, CancellationToken cancellationToken);
}
