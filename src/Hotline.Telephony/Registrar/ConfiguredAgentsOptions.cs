namespace Hotline.Telephony.Registrar;

/// <summary>"Registrar:Agents": agent credentials for the configuration-backed default store.</summary>
public sealed record ConfiguredAgentsOptions
{
    public IReadOnlyList<AgentCredential> Agents { get; init; } = [];
}
