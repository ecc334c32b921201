namespace Hotline.Telephony.Sdp;

/// <summary>An a= line we carry but do not interpret: a=&lt;name&gt; or a=&lt;name&gt;:&lt;value&gt;.</summary>
public sealed record SdpAttribute(string Name, string? Value);
