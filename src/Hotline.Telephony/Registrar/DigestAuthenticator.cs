using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Registrar;

/// <summary>
/// SIP digest authentication (RFC 3261 §22, RFC 7616 with qop=auth, RFC 8760 for SHA-256): builds
/// WWW-Authenticate challenges and verifies Authorization headers against an agent's credential.
/// </summary>
internal sealed class DigestAuthenticator
{
    private readonly NonceService _nonces;
    private readonly string _realm;
    private readonly IReadOnlyList<string> _algorithms;

    public DigestAuthenticator(NonceService nonces, string realm, IReadOnlyList<string> algorithms)
    {
        _nonces = nonces;
        _realm = realm;
        _algorithms = algorithms.Where(DigestAlgorithm.IsSupported).ToArray();
        if (_algorithms.Count == 0)
        {
            throw new ArgumentException("At least one of SHA-256 and MD5 must be offered.", nameof(algorithms));
        }
    }

    public string Realm => _realm;

    /// <summary>One challenge per offered algorithm, most preferred first; all share one nonce (RFC 8760 §2.4).</summary>
    public IEnumerable<string> CreateChallenges(bool stale)
    {
        var nonce = _nonces.Create();
        foreach (var algorithm in _algorithms)
        {
            var challenge = new StringBuilder(160)
                .Append("Digest realm=").Append(SipGrammar.Quote(_realm))
                .Append(", nonce=\"").Append(nonce).Append('"')
                .Append(", algorithm=").Append(algorithm)
                .Append(", qop=\"auth\"");
            if (stale)
            {
                challenge.Append(", stale=true");
            }
            yield return challenge.ToString();
        }
    }

    /// <summary>The username an Authorization header claims, when it parses and names our realm.</summary>
    public DigestCredentials? ReadCredentials(SipRequest request)
    {
        foreach (var line in request.Headers.GetLines(SipHeaderNames.Authorization))
        {
            if (DigestCredentials.TryParse(line, out var credentials) && credentials.Realm == _realm)
            {
                return credentials;
            }
        }
        return null;
    }

    public DigestOutcome Verify(SipRequest request, DigestCredentials credentials, AgentCredential agent)
    {
        if (credentials.Username != agent.AgentId)
        {
            return DigestOutcome.Forbidden;
        }
        var algorithm = credentials.Algorithm.ToUpperInvariant();
        if (!_algorithms.Contains(algorithm) || credentials.Nonce is not { } nonce || credentials.Response is not { } response
            || credentials.Uri is not { } uri || !UriMatches(uri, request.RequestUri)
            || !string.Equals(credentials.Qop, "auth", StringComparison.OrdinalIgnoreCase) || credentials.CNonce is null
            || !long.TryParse(credentials.NonceCount, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var nonceCount)
            || credentials.NonceCount!.Length != 8)
        {
            return DigestOutcome.Challenge;
        }
        var ha1 = HashA1(algorithm, agent);
        if (ha1 is null)
        {
            return DigestOutcome.Challenge;
        }
        // RFC 7616 §3.4.1: response = H(HA1:nonce:nc:cnonce:qop:H(method:uri)).
        var ha2 = DigestAlgorithm.Hash(algorithm, request.Method + ":" + uri);
        var expected = DigestAlgorithm.Hash(algorithm, string.Join(':', ha1, nonce, credentials.NonceCount, credentials.CNonce, "auth", ha2));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(response.ToLowerInvariant())))
        {
            return DigestOutcome.Challenge;
        }
        // Checked after the response so that only a client knowing the password learns a nonce is stale.
        return _nonces.Check(nonce, nonceCount) switch
        {
            NonceValidity.Valid => DigestOutcome.Authenticated,
            NonceValidity.Stale => DigestOutcome.StaleNonce,
            _ => DigestOutcome.Challenge,
        };
    }

    private string? HashA1(string algorithm, AgentCredential agent)
    {
        var stored = algorithm == DigestAlgorithm.Sha256 ? agent.Ha1Sha256 : agent.Ha1Md5;
        if (stored is not null)
        {
            return stored.ToLowerInvariant();
        }
        return agent.Password is null ? null : DigestAlgorithm.Hash(algorithm, string.Join(':', agent.AgentId, _realm, agent.Password));
    }

    private static bool UriMatches(string digestUri, SipUri requestUri) =>
        string.Equals(digestUri, requestUri.ToString(), StringComparison.Ordinal)
        || (SipUri.TryParse(digestUri, out var parsed) && parsed.Equals(requestUri));
}
