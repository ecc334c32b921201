using System.Net;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>Decides per message whether a source may be served; floods and scanners are dropped before parsing.</summary>
public interface ISipRateLimiter
{
    bool TryAcquire(IPAddress source);
}
