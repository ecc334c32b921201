namespace Hotline.Silo.Agents;

/// <summary>
/// The digest realm agents authenticate in, read as the SIP edge reads it: Registrar:Realm, or when that
/// is empty Sip:Domain, or "hotline.local". HA1 values are bound to it (RFC 7616 §3.4.2), so the store
/// keeps the realm each agent's secret was made for.
/// </summary>
internal sealed record AgentRealm(string Value)
{
    public const string DefaultDomain = "hotline.local";

    public static AgentRealm From(IConfiguration configuration)
    {
        var realm = configuration["Registrar:Realm"];
        if (string.IsNullOrEmpty(realm))
        {
            realm = configuration["Sip:Domain"];
        }

        return new AgentRealm(string.IsNullOrEmpty(realm) ? DefaultDomain : realm);
    }
}
