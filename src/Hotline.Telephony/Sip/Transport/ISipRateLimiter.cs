using System.Net;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>Decides per message whether a source may be served; floods and scanners are dropped before parsing.</summary>
public interface ISipRateLimiter
{
    bool TryAcquire(IPAddress source);

    /// <summary>
    /// The source sent something a working phone does not (a malformed message, a refused request):
    /// an implementation that bans may count it. The default ignores it.
    /// </summary>
    void Strike(IPAddress source)
    {
    }
}
