namespace Hotline.Telephony.Sip.Transport;

/// <summary>
/// What TCP clients may hold: connections in all and per source address, how long a silent connection
/// lives, and how long an accepted connection may take to send its first request.
/// </summary>
internal sealed record SipTcpLimits(int MaxConnections, int MaxConnectionsPerSource, TimeSpan IdleTimeout, TimeSpan FirstRequestTimeout)
{
    public static readonly SipTcpLimits Default = new(2048, 32, TimeSpan.FromSeconds(600), TimeSpan.FromSeconds(10));
}
