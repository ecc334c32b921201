namespace Hotline.Telephony.Media.Mixing;

/// <summary>
/// Sample arithmetic of the mix: sums are kept in 32 bits so any number of 16-bit inputs add without
/// overflow, and only the result sent to a listener is clipped to 16 bits (saturation, not wrap-around:
/// a wrapped loud sum would flip sign and be heard as a crack).
/// </summary>
internal static class PcmMix
{
    public static short Saturate(int value) => (short)Math.Clamp(value, short.MinValue, short.MaxValue);

    /// <summary>Adds a frame into the running sum.</summary>
    public static void Accumulate(Span<int> sum, ReadOnlySpan<short> frame)
    {
        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] += frame[i];
        }
    }

    /// <summary>What a listener hears: everyone's sum minus its own contribution, clipped.</summary>
    public static void MixMinus(ReadOnlySpan<int> sum, ReadOnlySpan<short> own, Span<short> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = Saturate(sum[i] - own[i]);
        }
    }

    /// <summary>Two frames added, clipped.</summary>
    public static void Add(ReadOnlySpan<short> a, ReadOnlySpan<short> b, Span<short> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = Saturate(a[i] + b[i]);
        }
    }

    /// <summary>A sum as a listener hears it, clipped.</summary>
    public static void Clip(ReadOnlySpan<int> sum, Span<short> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = Saturate(sum[i]);
        }
    }
}
