using Hotline.Telephony.Registrar;

namespace Hotline.Telephony.Calls;

/// <summary>Follows agents' phones: a registration brings the agent into the ACD with its directory skills, a lost one takes it out.</summary>
internal sealed class AgentRegistrationFollower(CallCenter center, IAgentCredentialStore credentials, string defaultSkill)
{
    /// <summary>
    /// A phone registered or went away. Registered: the agent joins the ACD with its directory skills
    /// (OFFLINE → READY with Acd:ReadyOnRegister, else NOT_READY). Gone (unregistered, lapsed, stopped
    /// answering OPTIONS): OFFLINE whatever it was doing, so lost signalling never leaves it stuck ON_CALL.
    /// </summary>
    public void OnRegistrationChanged(AgentRegistrationChange change)
    {
        if (change.IsReachable)
        {
            if (change.Kind == RegistrationChangeKind.Registered)
            {
                _ = JoinAsync(change.AgentId);
            }
            return;
        }
        var reason = change.Kind switch
        {
            RegistrationChangeKind.Lapsed => "registration lapsed",
            RegistrationChangeKind.Unreachable => "phone stopped answering",
            _ => "unregistered",
        };
        center.Post(() =>
        {
            if (center.Acd.FindAgent(change.AgentId) is not null)
            {
                center.Run(acd => acd.SetOffline(change.AgentId, reason));
            }
        });
    }

    private async Task JoinAsync(string agentId)
    {
        AgentCredential? agent;
        try
        {
            agent = await credentials.FindAsync(agentId, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The directory being down must not lose the registration: join with default skills.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallsLog.DirectoryFailed(center.Logger, agentId, exception);
            agent = null;
        }
        var skills = agent?.Skills is { Count: > 0 } own ? own : new Dictionary<string, int> { [defaultSkill] = 1 };
        center.Post(() =>
        {
            center.Acd.UpsertAgent(agentId, skills);
            center.Run(acd => acd.AgentRegistered(agentId));
        });
    }
}
