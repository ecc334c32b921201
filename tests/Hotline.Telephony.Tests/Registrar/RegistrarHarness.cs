using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Tests.Sip.Syntax;
using Hotline.Telephony.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hotline.Telephony.Tests.Registrar;

/// <summary>A registrar on a fake clock with two configured agents, and REGISTER helpers.</summary>
internal sealed class RegistrarHarness : IAgentRegistrationListener
{
    public const string Domain = "hotline.example";

    private int _cseq;

    public RegistrarHarness(RegistrarOptions? options = null)
    {
        Options = options ?? new RegistrarOptions { DigestAlgorithms = "MD5,SHA-256" };
        var store = new ConfiguredAgentCredentialStore(Microsoft.Extensions.Options.Options.Create(new ConfiguredAgentsOptions
        {
            Agents =
            [
                new AgentCredential("1001", "secret1001"),
                new AgentCredential("1002", null, Ha1Md5: DigestClient.H("MD5", "1002:" + Domain + ":pw1002"), Ha1Sha256: DigestClient.H("SHA-256", "1002:" + Domain + ":pw1002")),
            ],
        }));
        Table = new RegistrationTable(Time, [this], Options.MaxContactsPerAgent, NullLogger.Instance);
        var authenticator = new DigestAuthenticator(new NonceService(Time, TimeSpan.FromSeconds(Options.NonceLifetimeSeconds)), Domain, Options.DigestAlgorithmList);
        Registrar = new SipRegistrar(store, authenticator, Table, Options, Domain, Time, NullLogger.Instance);
    }

    public FakeTimeProvider Time { get; } = new();

    public RegistrarOptions Options { get; }

    public RegistrationTable Table { get; }

    public SipRegistrar Registrar { get; }

    public List<AgentRegistrationChange> Changes { get; } = [];

    public void OnRegistrationChanged(AgentRegistrationChange change) => Changes.Add(change);

    public static SipRequest Register(string agent, string? authorization = null, string contact = "<sip:{0}@192.0.2.20:5062>", string? expires = "600", string callId = "reg-1", int cseq = 1, string? user = null)
    {
        var lines = new List<string>
        {
            $"REGISTER sip:{Domain} SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.20:5062;branch=z9hG4bK" + Guid.NewGuid().ToString("N"),
            "Max-Forwards: 70",
            $"To: <sip:{agent}@{Domain}>",
            $"From: <sip:{agent}@{Domain}>;tag=ft",
            "Call-ID: " + callId,
            $"CSeq: {cseq} REGISTER",
        };
        if (contact.Length > 0)
        {
            lines.Add("Contact: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, contact, user ?? agent));
        }
        if (expires is not null)
        {
            lines.Add("Expires: " + expires);
        }
        if (authorization is not null)
        {
            lines.Add("Authorization: " + authorization);
        }
        lines.Add("Content-Length: 0");
        return (SipRequest)SipText.ParseDatagram(string.Join("\n", lines) + "\n\n");
    }

    public async Task<SipResponse> SendAsync(SipRequest request)
    {
        var transaction = new CapturingServerTransaction(request);
        await Registrar.HandleAsync(transaction, CancellationToken.None);
        return transaction.Response!;
    }

    /// <summary>REGISTER, take the challenge for <paramref name="algorithm"/>, answer it; returns the final response.</summary>
    public async Task<SipResponse> RegisterAsync(string agent, string password, string algorithm = "MD5", string contact = "<sip:{0}@192.0.2.20:5062>", string? expires = "600", string callId = "reg-1")
    {
        var challenge = await SendAsync(Register(agent, contact: contact, expires: expires, callId: callId, cseq: ++_cseq));
        var header = Challenge(challenge, algorithm);
        var authorization = DigestClient.Authorization(header, agent, password, "REGISTER", "sip:" + Domain);
        return await SendAsync(Register(agent, authorization, contact, expires, callId, ++_cseq));
    }

    public static string Challenge(SipResponse response, string algorithm)
    {
        Assert.Equal(401, response.StatusCode);
        return response.Headers.GetLines("WWW-Authenticate").Single(c => c.Contains("algorithm=" + algorithm + ",", StringComparison.Ordinal));
    }
}
