namespace Hotline.Telephony.Registrar;

/// <summary>A change to an agent's registration, with the contacts in force afterwards.</summary>
public sealed record AgentRegistrationChange(string AgentId, RegistrationChangeKind Kind, IReadOnlyList<AgentContact> Contacts, DateTimeOffset At)
{
    public bool IsReachable => Contacts.Count > 0;
}
