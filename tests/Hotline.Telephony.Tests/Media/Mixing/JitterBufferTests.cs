using Hotline.Telephony.Media.Mixing;

namespace Hotline.Telephony.Tests.Media.Mixing;

public sealed class JitterBufferTests
{
    private const int Frame = 160;

    private static short[] Tone(short value) => Enumerable.Repeat(value, Frame).ToArray();

    private static short[] Take(JitterBuffer buffer)
    {
        var frame = new short[Frame];
        buffer.Take(frame);
        return frame;
    }

    [Fact]
    public void Take_BeforeAnyPacket_Silence()
    {
        var buffer = new JitterBuffer(Frame, 8 * Frame);

        Assert.All(Take(buffer), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Put_InOrder_PlayedAfterDepthInOrder()
    {
        var buffer = new JitterBuffer(Frame, 8 * Frame);
        buffer.Put(1, 1000, Tone(1));

        Assert.All(Take(buffer), s => Assert.Equal(0, s));
        buffer.Put(1, 1160, Tone(2));
        Assert.All(Take(buffer), s => Assert.Equal(1, s));
        Assert.All(Take(buffer), s => Assert.Equal(2, s));
    }

    [Fact]
    public void Put_OutOfOrderWithinDepth_EachFrameInItsPlace()
    {
        var buffer = new JitterBuffer(Frame, 8 * Frame);
        buffer.Put(1, 0, Tone(1));
        buffer.Put(1, 320, Tone(3));
        buffer.Put(1, 160, Tone(2));

        Take(buffer);

        Assert.Equal([1, 2, 3], new[] { Take(buffer)[0], Take(buffer)[0], Take(buffer)[0] });
    }

    [Fact]
    public void Take_FrameNeverArrived_SilenceThenNextFrame()
    {
        var buffer = new JitterBuffer(Frame, 8 * Frame);
        buffer.Put(1, 0, Tone(1));
        buffer.Put(1, 320, Tone(3));

        Take(buffer);
        Take(buffer);

        Assert.All(Take(buffer), s => Assert.Equal(0, s));
        Assert.All(Take(buffer), s => Assert.Equal(3, s));
    }

    [Fact]
    public void Put_FrameAlreadyPlayed_DroppedAndCounted()
    {
        var buffer = new JitterBuffer(Frame, 8 * Frame);
        buffer.Put(1, 0, Tone(1));
        Take(buffer);
        Take(buffer);
        Take(buffer);

        buffer.Put(1, 160, Tone(2));

        Assert.Equal(1, buffer.Late);
        Assert.All(Take(buffer), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Put_KeepsArrivingLate_ReanchorsAndPlaysAgain()
    {
        var buffer = new JitterBuffer(Frame, 8 * Frame);
        buffer.Put(1, 10_000, Tone(1));
        for (int i = 0; i < 10; i++)
        {
            Take(buffer);
        }

        // The sender's clock fell behind ours by far more than the depth: three late packets in a row.
        buffer.Put(1, 10_160, Tone(2));
        buffer.Put(1, 10_320, Tone(3));
        buffer.Put(1, 10_480, Tone(4));

        Assert.Equal(2, buffer.Late);
        Assert.Equal(1, buffer.Resyncs);
        Take(buffer);
        Assert.All(Take(buffer), s => Assert.Equal(4, s));
    }

    [Fact]
    public void Put_NewSsrcOrJumpBeyondCapacity_Reanchors()
    {
        var buffer = new JitterBuffer(Frame, 8 * Frame);
        buffer.Put(1, 0, Tone(1));
        buffer.Put(2, 99_999, Tone(2));
        buffer.Put(2, 99_999 + (100 * Frame), Tone(3));

        Assert.Equal(2, buffer.Resyncs);
        Take(buffer);
        Assert.All(Take(buffer), s => Assert.Equal(3, s));
    }

    [Fact]
    public void Put_TimestampWraps_StaysInOrder()
    {
        var buffer = new JitterBuffer(Frame, 8 * Frame);
        buffer.Put(1, uint.MaxValue - 159, Tone(1));
        buffer.Put(1, 0, Tone(2));

        Take(buffer);

        Assert.All(Take(buffer), s => Assert.Equal(1, s));
        Assert.All(Take(buffer), s => Assert.Equal(2, s));
        Assert.Equal(0, buffer.Resyncs);
    }
}
