using System.Globalization;
using System.Net;

namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>One agent's softphone account: who it is, where the edge is, and how it answers.</summary>
internal sealed record BaresipAccount(string AgentId, string Password, IPEndPoint Edge)
{
    public string Domain { get; init; } = "hotline.local";

    /// <summary>"udp", "tcp" or "tls": the transport of the outbound proxy, so REGISTER and calls take it.</summary>
    public string Transport { get; init; } = "udp";

    /// <summary>"manual" (the test accepts) or "auto" (baresip answers at once).</summary>
    public string AnswerMode { get; init; } = "manual";

    public int RegistrationSeconds { get; init; } = 60;

    /// <summary>A PEM certificate baresip trusts for TLS (its sip_cafile); null trusts nothing extra.</summary>
    public string? TrustedCertificate { get; init; }

    /// <summary>The pitch of the phone's microphone (ausine), so a recording tells two phones apart.</summary>
    public int ToneHz { get; init; } = 440;

    /// <summary>baresip's mediaenc: "" for plain RTP, "srtp" (offers SRTP, RTP/AVP) or "srtp-mand" (RTP/SAVP only).</summary>
    public string MediaEncryption { get; init; } = "";

    /// <summary>
    /// The accounts line baresip 1.0 parses (its accounts file format, also taken by the uanew command):
    /// the AOR in angle brackets, then ;-parameters. outbound routes every request to the edge, so the
    /// domain need not resolve.
    /// </summary>
    public string ToAccountLine() => string.Create(CultureInfo.InvariantCulture,
        $"<sip:{AgentId}@{Domain}>;auth_pass={Password};outbound=\"sip:{Edge.Address}:{Edge.Port};transport={Transport}\";regint={RegistrationSeconds};answermode={AnswerMode}{(MediaEncryption.Length > 0 ? ";mediaenc=" + MediaEncryption : "")}");
}
