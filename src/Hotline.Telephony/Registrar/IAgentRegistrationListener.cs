namespace Hotline.Telephony.Registrar;

/// <summary>
/// Told of every registration change (the ACD takes lapsed or unregistered agents out of routing).
/// Called on the SIP path: implementations hand the change on and return quickly.
/// </summary>
public interface IAgentRegistrationListener
{
    void OnRegistrationChanged(AgentRegistrationChange change);
}
