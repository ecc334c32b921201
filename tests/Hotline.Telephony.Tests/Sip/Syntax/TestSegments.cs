using System.Buffers;

namespace Hotline.Telephony.Tests.Sip.Syntax;

/// <summary>Builds a multi-segment ReadOnlySequence so parsers are tested across segment boundaries.</summary>
internal sealed class TestSegments : ReadOnlySequenceSegment<byte>
{
    private TestSegments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Split(byte[] bytes, int segmentLength)
    {
        var first = new TestSegments(bytes.AsMemory(0, Math.Min(segmentLength, bytes.Length)), 0);
        var last = first;
        for (var offset = segmentLength; offset < bytes.Length; offset += segmentLength)
        {
            var next = new TestSegments(bytes.AsMemory(offset, Math.Min(segmentLength, bytes.Length - offset)), offset);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
