namespace Hotline.Telephony.Sip.Syntax;

/// <summary>Size limits checked before bytes are buffered, so a peer cannot make the edge hold unbounded input.</summary>
internal sealed record SipParseLimits
{
    public static readonly SipParseLimits Default = new();

    public int MaxStartLineLength { get; init; } = 1024;

    public int MaxHeaderLineLength { get; init; } = 4096;

    public int MaxHeaderCount { get; init; } = 128;

    /// <summary>Start line plus all header lines plus the blank line.</summary>
    public int MaxHeaderSectionLength { get; init; } = 16 * 1024;

    public int MaxBodyLength { get; init; } = 64 * 1024;
}
