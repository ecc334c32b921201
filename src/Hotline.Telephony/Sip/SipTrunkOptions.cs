namespace Hotline.Telephony.Sip;

/// <summary>A carrier trunk: calls from its address to a hotline number are accepted without digest auth.</summary>
public sealed record SipTrunkOptions
{
    public string Name { get; init; } = string.Empty;

    /// <summary>The trunk's signalling IP address.</summary>
    public string Address { get; init; } = string.Empty;

    /// <summary>The trunk's SIP port, where the edge sends the calls it places (callbacks).</summary>
    public int Port { get; init; } = 5060;
}
