namespace Hotline.Telephony.Media.Srtp;

/// <summary>The two transforms of one SRTP leg: <see cref="Protect"/> for what we send, <see cref="Unprotect"/> for what the peer sends.</summary>
internal sealed class SrtpLegSecurity(SrtpKeys keys, SrtpTransform protect, SrtpTransform unprotect)
{
    public SrtpKeys Keys { get; } = keys;

    public SrtpTransform Protect { get; } = protect;

    public SrtpTransform Unprotect { get; } = unprotect;

    /// <summary>Transforms for <paramref name="keys"/>, reusing those of <paramref name="previous"/> whose key is the same.</summary>
    public static SrtpLegSecurity From(SrtpKeys keys, SrtpLegSecurity? previous)
    {
        var protect = previous is not null && previous.Keys.Sending.SameAs(keys.Sending) ? previous.Protect : new SrtpTransform(keys.Sending);
        var unprotect = previous is not null && previous.Keys.Receiving.SameAs(keys.Receiving) ? previous.Unprotect : new SrtpTransform(keys.Receiving);
        return new SrtpLegSecurity(keys, protect, unprotect);
    }

}
