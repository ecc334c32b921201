using Hotline.Telephony.Media.Dtmf;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Tests.Media.Dtmf;

public sealed class DtmfDetectorTests
{
    private const byte EventType = 101;
    private ushort _sequence;

    [Fact]
    public void TryParse_Layout_ReadsEventEndVolumeDuration()
    {
        Assert.True(TelephoneEvent.TryParse([0x0B, 0x8A, 0x03, 0x20], out TelephoneEvent evt));

        Assert.Equal(new TelephoneEvent(11, true, 10, 800), evt);
        Assert.Equal('#', evt.Digit);
    }

    [Fact]
    public void TryParse_EveryPrefix_Fails()
    {
        byte[] payload = [5, 0x80, 0, 160];
        for (int length = 0; length < payload.Length; length++)
        {
            Assert.False(TelephoneEvent.TryParse(payload.AsSpan(0, length), out _));
        }
    }

    [Fact]
    public void WriteTo_ThenParse_RoundTripsAndIgnoresReservedBit()
    {
        var buffer = new byte[4];
        new TelephoneEvent(15, true, 63, 65535).WriteTo(buffer);
        buffer[1] |= 0x40;

        Assert.True(TelephoneEvent.TryParse(buffer, out TelephoneEvent evt));
        Assert.Equal(new TelephoneEvent(15, true, 63, 65535), evt);
        Assert.Equal('D', evt.Digit);
    }

    [Fact]
    public void TryAccept_EventWithThreeEndPackets_ReportsDigitOnce()
    {
        var detector = new DtmfDetector(EventType);
        var digits = Feed(detector, 1000, 5, [(false, 160), (false, 320), (false, 480), (true, 640), (true, 640), (true, 640)]);

        DtmfDigit digit = Assert.Single(digits);
        Assert.Equal('5', digit.Digit);
        Assert.Equal(TimeSpan.FromMilliseconds(80), digit.Duration);
    }

    [Fact]
    public void TryAccept_SameKeyTwice_ReportsTwoDigits()
    {
        var detector = new DtmfDetector(EventType);
        var first = Feed(detector, 1000, 1, [(false, 160), (true, 800), (true, 800)]);
        var second = Feed(detector, 3000, 1, [(false, 160), (true, 800), (true, 800), (true, 800)]);

        Assert.Equal(['1', '1'], first.Concat(second).Select(d => d.Digit));
    }

    [Fact]
    public void TryAccept_AllEndPacketsLost_ReportedWhenNextEventStarts()
    {
        var detector = new DtmfDetector(EventType);
        var first = Feed(detector, 1000, 4, [(false, 160), (false, 320)]);
        var second = Feed(detector, 5000, 2, [(false, 160), (true, 640), (true, 640)]);

        Assert.Empty(first);
        Assert.Equal(['4', '2'], second.Select(d => d.Digit));
    }

    [Fact]
    public void TryAccept_OtherPayloadType_Ignored()
    {
        var detector = new DtmfDetector(EventType);
        var datagram = new byte[16];
        RtpPacketWriter.Write(datagram, 0, false, 1, 0, 1, [1, 0x80, 0, 160]);
        RtpPacketReader.TryParse(datagram, out RtpHeader header, out _);

        Assert.False(detector.TryAccept(header, datagram, out _));
    }

    private List<DtmfDigit> Feed(DtmfDetector detector, uint timestamp, byte evt, (bool End, ushort Duration)[] packets)
    {
        var digits = new List<DtmfDigit>();
        foreach ((bool end, ushort duration) in packets)
        {
            var payload = new byte[4];
            new TelephoneEvent(evt, end, 10, duration).WriteTo(payload);
            var datagram = new byte[16];
            RtpPacketWriter.Write(datagram, EventType, false, _sequence++, timestamp, 0xABCD, payload);
            RtpPacketReader.TryParse(datagram, out RtpHeader header, out _);
            if (detector.TryAccept(header, datagram, out DtmfDigit digit))
            {
                digits.Add(digit);
            }
        }

        return digits;
    }
}
