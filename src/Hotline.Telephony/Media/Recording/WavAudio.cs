using System.Buffers.Binary;

namespace Hotline.Telephony.Media.Recording;

/// <summary>
/// Reads a mono 8 kHz WAV in 16-bit PCM (format 1), A-law (6) or µ-law (7) into linear samples.
/// Prompts are loaded at start-up, so a bad file fails then with a message that names the problem.
/// </summary>
public static class WavAudio
{
    public static short[] ReadMono8k(byte[] file, string name)
    {
        ArgumentNullException.ThrowIfNull(file);
        ReadOnlySpan<byte> span = file;
        if (span.Length < 12 || !span[..4].SequenceEqual("RIFF"u8) || !span[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"{name}: not a RIFF/WAVE file.");
        }

        int format = -1;
        int bits = 0;
        int offset = 12;
        while (offset + 8 <= span.Length)
        {
            ReadOnlySpan<byte> id = span.Slice(offset, 4);
            int size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(span[(offset + 4)..]), int.MaxValue);
            int body = offset + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > span.Length)
                {
                    throw new InvalidDataException($"{name}: truncated fmt chunk.");
                }

                format = BinaryPrimitives.ReadUInt16LittleEndian(span[body..]);
                int channels = BinaryPrimitives.ReadUInt16LittleEndian(span[(body + 2)..]);
                uint rate = BinaryPrimitives.ReadUInt32LittleEndian(span[(body + 4)..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(span[(body + 14)..]);
                if (channels != 1 || rate != 8000)
                {
                    throw new InvalidDataException($"{name}: need mono 8000 Hz, found {channels} channel(s) at {rate} Hz.");
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                ReadOnlySpan<byte> data = span.Slice(body, Math.Min(size, span.Length - body));
                return Decode(format, bits, data, name);
            }

            // RIFF chunks are padded to even length.
            offset = body + size + (size & 1);
        }

        throw new InvalidDataException($"{name}: no data chunk.");
    }

    private static short[] Decode(int format, int bits, ReadOnlySpan<byte> data, string name)
    {
        switch (format, bits)
        {
            case (1, 16):
                var pcm = new short[data.Length / 2];
                for (int i = 0; i < pcm.Length; i++)
                {
                    pcm[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]);
                }

                return pcm;
            case (6, 8):
            case (7, 8):
                var samples = new short[data.Length];
                G711.TryDecode(format == 7 ? G711.PcmuPayloadType : G711.PcmaPayloadType, data, samples);
                return samples;
            case (-1, _):
                throw new InvalidDataException($"{name}: data chunk before fmt chunk.");
            default:
                throw new InvalidDataException($"{name}: unsupported encoding (format {format}, {bits} bits); use 16-bit PCM, A-law or µ-law.");
        }
    }
}
