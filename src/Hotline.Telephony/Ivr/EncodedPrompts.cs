using System.Runtime.CompilerServices;
using Hotline.Telephony.Media.Recording;

namespace Hotline.Telephony.Ivr;

/// <summary>
/// Prompt audio encoded to G.711 once per payload type and shared by every caller who hears it: with a hundred
/// callers in the queue, hold music and announcements are otherwise encoded a hundred times over, 8,000 samples
/// a second each. Keyed by the sample array itself (the prompt library's arrays live for the process), weakly,
/// so audio made for one call is dropped with it.
/// </summary>
internal static class EncodedPrompts
{
    private static readonly ConditionalWeakTable<short[], byte[]> Pcmu = new();
    private static readonly ConditionalWeakTable<short[], byte[]> Pcma = new();

    /// <summary>The samples as PCMU (0) or PCMA (8) bytes, one per sample.</summary>
    public static byte[] Get(short[] samples, byte payloadType) => payloadType == G711.PcmuPayloadType
        ? Pcmu.GetValue(samples, static s => Encode(s, G711.PcmuPayloadType))
        : Pcma.GetValue(samples, static s => Encode(s, G711.PcmaPayloadType));

    /// <summary>The code for silence (a zero sample) in the payload type.</summary>
    public static byte Silence(byte payloadType) =>
        payloadType == G711.PcmuPayloadType ? G711.LinearToMuLaw(0) : G711.LinearToALaw(0);

    private static byte[] Encode(short[] samples, byte payloadType)
    {
        var encoded = new byte[samples.Length];
        G711.Encode(payloadType, samples, encoded);
        return encoded;
    }
}
