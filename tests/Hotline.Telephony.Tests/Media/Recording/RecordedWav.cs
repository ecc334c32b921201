using System.Buffers.Binary;

namespace Hotline.Telephony.Tests.Media.Recording;

/// <summary>Reads a call recording back: a 44-byte WAV header, then 16-bit stereo frames, the caller's channel left.</summary>
internal static class RecordedWav
{
    private const int HeaderLength = 44;

    public static List<(short Left, short Right)> Frames(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        return Enumerable.Range(0, (file.Length - HeaderLength) / 4)
            .Select(i => (
                BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(HeaderLength + (i * 4))),
                BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(HeaderLength + 2 + (i * 4)))))
            .ToList();
    }
}
