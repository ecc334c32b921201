using System.Buffers;
using Hotline.Api.Grpc.Framing;
using Hotline.Api.Tests.Support;

namespace Hotline.Api.Tests.Grpc.Framing;

public sealed class GrpcFrameReaderTests
{
    private static readonly byte[] Payload = "hello, 12345"u8.ToArray();

    [Fact]
    public void TryRead_EveryPrefix_NeedsMoreDataAndConsumesNothing()
    {
        byte[] frame = RawGrpcClient.Frame(Payload, compressed: false);
        for (int length = 0; length < frame.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(frame, 0, length);

            var result = GrpcFrameReader.TryRead(ref buffer, 1024, out _, out _);

            Assert.Equal(FrameReadResult.NeedMoreData, result);
            Assert.Equal(length, buffer.Length);
        }
    }

    [Fact]
    public void TryRead_WholeFrame_ReturnsPayloadAndConsumesIt()
    {
        var buffer = new ReadOnlySequence<byte>(RawGrpcClient.Frame(Payload, compressed: true));

        var result = GrpcFrameReader.TryRead(ref buffer, 1024, out var frame, out long length);

        Assert.Equal(FrameReadResult.Complete, result);
        Assert.True(frame.Compressed);
        Assert.Equal(Payload.Length, length);
        Assert.Equal(Payload, frame.Payload.ToArray());
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryRead_TwoFramesSplitAcrossSegments_RoundTrips()
    {
        byte[] second = new byte[300];
        Random.Shared.NextBytes(second);
        byte[] bytes = [.. RawGrpcClient.Frame(Payload, false), .. RawGrpcClient.Frame(second, false), .. RawGrpcClient.Frame([], false)];
        var buffer = Segmented(bytes, segmentLength: 3);

        Assert.Equal(FrameReadResult.Complete, GrpcFrameReader.TryRead(ref buffer, 1024, out var first, out _));
        Assert.Equal(Payload, first.Payload.ToArray());
        Assert.Equal(FrameReadResult.Complete, GrpcFrameReader.TryRead(ref buffer, 1024, out var next, out _));
        Assert.Equal(second, next.Payload.ToArray());
        Assert.Equal(FrameReadResult.Complete, GrpcFrameReader.TryRead(ref buffer, 1024, out var empty, out _));
        Assert.True(empty.Payload.IsEmpty);
        Assert.Equal(FrameReadResult.NeedMoreData, GrpcFrameReader.TryRead(ref buffer, 1024, out _, out _));
    }

    [Fact]
    public void TryRead_PrefixDeclaresOverLimit_TooLargeFromThePrefixAlone()
    {
        // Only the 5-byte prefix of a 100 MB message: the verdict must not wait for the body.
        byte[] prefix = [0, 0x06, 0x40, 0x00, 0x00];
        var buffer = new ReadOnlySequence<byte>(prefix);

        var result = GrpcFrameReader.TryRead(ref buffer, 4 * 1024 * 1024, out _, out long length);

        Assert.Equal(FrameReadResult.TooLarge, result);
        Assert.Equal(0x06400000, length);
        Assert.Equal(5, buffer.Length);
    }

    [Fact]
    public void TryRead_ExactlyAtLimit_Completes()
    {
        var buffer = new ReadOnlySequence<byte>(RawGrpcClient.Frame(Payload, false));

        Assert.Equal(FrameReadResult.Complete, GrpcFrameReader.TryRead(ref buffer, Payload.Length, out _, out _));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0x80)]
    [InlineData(0xFF)]
    public void TryRead_FlagNotZeroOrOne_InvalidFlag(byte flag)
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { flag, 0, 0, 0, 0 });

        Assert.Equal(FrameReadResult.InvalidFlag, GrpcFrameReader.TryRead(ref buffer, 1024, out _, out _));
    }

    [Fact]
    public void Write_PrefixIsFlagThenBigEndianLength()
    {
        byte[] frame = RawGrpcClient.Frame(new byte[0x010203], compressed: true);

        Assert.Equal(new byte[] { 1, 0x00, 0x01, 0x02, 0x03 }, frame[..5]);
        Assert.Equal(5 + 0x010203, frame.Length);
    }

    [Fact]
    public void WriteMessage_ThenTryRead_RoundTrips()
    {
        var message = new Hotline.Api.Tests.V1.EchoReply { Text = "办结回复", Index = 42 };
        var output = new ArrayBufferWriter<byte>();

        GrpcFrameWriter.Write(output, message);
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);

        Assert.Equal(FrameReadResult.Complete, GrpcFrameReader.TryRead(ref buffer, 1024, out var frame, out _));
        Assert.False(frame.Compressed);
        Assert.Equal(message, Hotline.Api.Tests.V1.EchoReply.Parser.ParseFrom(frame.Payload));
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int segmentLength)
    {
        var first = new Segment(bytes.AsMemory(0, Math.Min(segmentLength, bytes.Length)), 0);
        var last = first;
        for (int offset = segmentLength; offset < bytes.Length; offset += segmentLength)
        {
            last = last.Append(bytes.AsMemory(offset, Math.Min(segmentLength, bytes.Length - offset)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
