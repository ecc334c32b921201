using System.Security.Cryptography;
using System.Text;

namespace Hotline.Silo.Agents;

/// <summary>
/// HA1 = H(username ":" realm ":" password) for MD5 and SHA-256 (RFC 7616 §3.4.2, RFC 8760), computed once
/// when a password is set so only the hashes are stored, never the password.
/// </summary>
internal static class AgentDigest
{
    public static string Md5Ha1(string agentId, string realm, string password)
    {
        // MD5 only because RFC 3261 digest requires it for interop with deployed phones.
#pragma warning disable CA5351
        return Convert.ToHexStringLower(MD5.HashData(A1(agentId, realm, password)));
#pragma warning restore CA5351
    }

    public static string Sha256Ha1(string agentId, string realm, string password) =>
        Convert.ToHexStringLower(SHA256.HashData(A1(agentId, realm, password)));

    private static byte[] A1(string agentId, string realm, string password) => Encoding.UTF8.GetBytes($"{agentId}:{realm}:{password}");
}
