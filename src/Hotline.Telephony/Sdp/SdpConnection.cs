namespace Hotline.Telephony.Sdp;

/// <summary>RFC 8866 §5.7 c=IN &lt;addrtype&gt; &lt;address&gt; (unicast: no TTL or count).</summary>
public sealed record SdpConnection(string AddressType, string Address)
{
    /// <summary>RFC 3264 §8.4: the RFC 2543 way to put a stream on hold was c=0.0.0.0.</summary>
    public bool IsHoldAddress => Address == "0.0.0.0";
}
