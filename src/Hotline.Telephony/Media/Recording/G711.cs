namespace Hotline.Telephony.Media.Recording;

/// <summary>
/// ITU-T G.711 companding. Decoding goes through 256-entry tables computed once from the segment
/// formulas; encoding computes segment and mantissa directly. PCMU is RTP payload type 0, PCMA 8
/// (RFC 3551 §6).
/// </summary>
public static class G711
{
    public const byte PcmuPayloadType = 0;
    public const byte PcmaPayloadType = 8;

    // G.711 µ-law adds a bias of 33 (in 14-bit units; 0x84 after the 2-bit shift to 16-bit) so every
    // segment boundary is a power of two; the largest encodable magnitude is 32635 before the bias.
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;

    private static readonly short[] MuLawTable = BuildMuLawTable();
    private static readonly short[] ALawTable = BuildALawTable();

    public static short MuLawToLinear(byte code) => MuLawTable[code];

    public static short ALawToLinear(byte code) => ALawTable[code];

    /// <summary>Decodes a G.711 payload of the given RTP payload type; returns false for other types.</summary>
    public static bool TryDecode(byte payloadType, ReadOnlySpan<byte> payload, Span<short> samples)
    {
        short[] table = payloadType switch
        {
            PcmuPayloadType => MuLawTable,
            PcmaPayloadType => ALawTable,
            _ => [],
        };
        if (table.Length == 0)
        {
            return false;
        }

        for (int i = 0; i < payload.Length; i++)
        {
            samples[i] = table[payload[i]];
        }

        return true;
    }

    public static byte LinearToMuLaw(short sample)
    {
        int value = sample;
        int sign = value < 0 ? 0x80 : 0;
        int magnitude = Math.Min(Math.Abs(value), MuLawClip) + MuLawBias;

        // The segment is the position of the highest set bit above bit 7 (bias guarantees bit 7 or higher).
        int exponent = 31 - int.LeadingZeroCount(magnitude) - 7;
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;

        // Transmitted inverted so that silence is 0xFF, rich in ones for old T1 clock recovery.
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    public static byte LinearToALaw(short sample)
    {
        int value = sample;
        int sign = value >= 0 ? 0x80 : 0;
        int magnitude = value >= 0 ? value : -value - 1;
        magnitude = Math.Min(magnitude, 32767);

        int code;
        if (magnitude < 256)
        {
            code = magnitude >> 4;
        }
        else
        {
            int exponent = 31 - int.LeadingZeroCount(magnitude) - 7;
            code = (exponent << 4) | ((magnitude >> (exponent + 3)) & 0x0F);
        }

        // Even bits are inverted on the wire (G.711 §A: "alternate digit inversion").
        return (byte)((sign | code) ^ 0x55);
    }

    /// <summary>Encodes linear samples into G.711 of the given payload type.</summary>
    public static void Encode(byte payloadType, ReadOnlySpan<short> samples, Span<byte> payload)
    {
        bool muLaw = payloadType switch
        {
            PcmuPayloadType => true,
            PcmaPayloadType => false,
            _ => throw new ArgumentOutOfRangeException(nameof(payloadType), payloadType, "Not a G.711 payload type."),
        };
        for (int i = 0; i < samples.Length; i++)
        {
            payload[i] = muLaw ? LinearToMuLaw(samples[i]) : LinearToALaw(samples[i]);
        }
    }

    private static short[] BuildMuLawTable()
    {
        var table = new short[256];
        for (int code = 0; code < 256; code++)
        {
            int inverted = ~code & 0xFF;
            int exponent = (inverted >> 4) & 0x07;
            int mantissa = inverted & 0x0F;

            // Reconstruct at the middle of the quantisation interval, then remove the bias.
            int magnitude = (((mantissa << 3) + MuLawBias) << exponent) - MuLawBias;
            table[code] = (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
        }

        return table;
    }

    private static short[] BuildALawTable()
    {
        var table = new short[256];
        for (int code = 0; code < 256; code++)
        {
            int value = code ^ 0x55;
            int exponent = (value >> 4) & 0x07;
            int mantissa = value & 0x0F;

            // Segment 0 is linear; higher segments add the implicit leading one (0x100) and double per segment.
            int magnitude = exponent == 0
                ? (mantissa << 4) + 8
                : ((mantissa << 4) + 0x108) << (exponent - 1);
            table[code] = (short)((value & 0x80) != 0 ? magnitude : -magnitude);
        }

        return table;
    }
}
