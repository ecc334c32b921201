using System.Buffers.Binary;
using Hotline.Telephony.Media.Recording;

namespace Hotline.Telephony.Tests.Media.Recording;

public sealed class StereoWavWriterTests
{
    [Fact]
    public void Dispose_AfterFrames_HeaderDescribesStereo8kPcmAndSizes()
    {
        var stream = new KeepOpenStream();
        using (var writer = new StereoWavWriter(stream))
        {
            writer.Write(0, 0, Enumerable.Repeat((short)100, 160).ToArray());
            writer.Write(1, 0, Enumerable.Repeat((short)-100, 160).ToArray());
        }

        byte[] file = stream.ToArray();
        Assert.Equal(44 + (160 * 4), file.Length);
        Assert.Equal("RIFF"u8.ToArray(), file[..4]);
        Assert.Equal((uint)(file.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4)));
        Assert.Equal("WAVEfmt "u8.ToArray(), file[8..16]);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(20)));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(22)));
        Assert.Equal(8000u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(24)));
        Assert.Equal(32000u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(28)));
        Assert.Equal(4, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(32)));
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(34)));
        Assert.Equal("data"u8.ToArray(), file[36..40]);
        Assert.Equal(640u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(40)));
        Assert.Equal((100, -100), Frame(file, 0));
        Assert.Equal((100, -100), Frame(file, 159));
    }

    [Fact]
    public void Write_ManyTimesAroundTheWindowWithOddSizes_EverySampleInPlace()
    {
        var stream = new KeepOpenStream();
        using (var writer = new StereoWavWriter(stream, window: 250))
        {
            // Left in 70-sample pieces, right in 160 just behind: both wrap the window at odd places.
            int right = 0;
            for (int position = 0; position < 7000; position += 70)
            {
                writer.Write(0, position, Enumerable.Range(position, 70).Select(i => (short)i).ToArray());
                for (; right + 160 <= position + 70; right += 160)
                {
                    writer.Write(1, right, Enumerable.Range(right, 160).Select(i => (short)-i).ToArray());
                }
            }
        }

        byte[] file = stream.ToArray();
        for (int i = 0; i < 6500; i++)
        {
            Assert.Equal(((short)i, (short)-i), Frame(file, i));
        }
    }

    [Fact]
    public void Write_GapInOneChannel_LeavesSilenceAndKeepsAlignment()
    {
        var stream = new KeepOpenStream();
        using (var writer = new StereoWavWriter(stream))
        {
            for (int packet = 0; packet < 10; packet++)
            {
                writer.Write(0, packet * 160, Enumerable.Repeat((short)1000, 160).ToArray());
                if (packet is < 3 or > 6)
                {
                    writer.Write(1, packet * 160, Enumerable.Repeat((short)2000, 160).ToArray());
                }
            }
        }

        byte[] file = stream.ToArray();
        Assert.Equal(44 + (1600 * 4), file.Length);
        Assert.Equal((1000, 2000), Frame(file, 479));
        Assert.Equal((1000, 0), Frame(file, 480));
        Assert.Equal((1000, 0), Frame(file, 1119));
        Assert.Equal((1000, 2000), Frame(file, 1120));
    }

    [Fact]
    public void Write_OneChannelSilentLongerThanWindow_FileKeepsMovingAndLateAudioIsDropped()
    {
        var stream = new KeepOpenStream();
        var writer = new StereoWavWriter(stream, window: 320);
        for (int packet = 0; packet < 5; packet++)
        {
            writer.Write(0, packet * 160, Enumerable.Repeat((short)1, 160).ToArray());
        }

        Assert.Equal(480, writer.FramesWritten);

        writer.Write(1, 0, Enumerable.Repeat((short)7, 160).ToArray());
        writer.Dispose();

        byte[] file = stream.ToArray();
        Assert.Equal(44 + (800 * 4), file.Length);
        Assert.Equal((1, 0), Frame(file, 0));
    }

    [Fact]
    public void Write_FarAheadOfWindow_FlushesSilenceInChunks()
    {
        var stream = new KeepOpenStream();
        using (var writer = new StereoWavWriter(stream, window: 320))
        {
            writer.Write(0, 0, Enumerable.Repeat((short)5, 160).ToArray());
            writer.Write(0, 10_000, Enumerable.Repeat((short)6, 160).ToArray());
        }

        byte[] file = stream.ToArray();
        Assert.Equal(44 + (10_160 * 4), file.Length);
        Assert.Equal((5, 0), Frame(file, 159));
        Assert.Equal((0, 0), Frame(file, 5_000));
        Assert.Equal((6, 0), Frame(file, 10_000));
    }

    private static (short Left, short Right) Frame(byte[] file, int index) =>
        (BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(44 + (index * 4))),
         BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(46 + (index * 4))));

    internal sealed class KeepOpenStream : MemoryStream
    {
        protected override void Dispose(bool disposing)
        {
            // Keep the bytes readable after the writer closes its stream.
        }
    }
}
