namespace Hotline.Telephony.Sdp;

/// <summary>RFC 8866 §5.2 o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; IN &lt;addrtype&gt; &lt;address&gt;.</summary>
public sealed record SdpOrigin(string Username, string SessionId, ulong SessionVersion, string AddressType, string Address);
