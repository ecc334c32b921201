using System.Buffers;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Tests.Sip.Syntax;

/// <summary>Feeds every prefix of a message: a prefix must never parse as a complete message.</summary>
public sealed class SipMessageParserPrefixTests
{
    public static TheoryData<string> Messages => new() { SipText.Register, SipText.InviteWithBody };

    [Theory]
    [MemberData(nameof(Messages))]
    public void TryParseStream_EveryProperPrefix_NeedsMoreData(string text)
    {
        var bytes = SipText.Wire(text);
        var parser = new SipMessageParser();
        for (var length = 1; length < bytes.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, 0, length);

            var status = parser.TryParseStream(ref buffer, out var message, out var error);

            Assert.True(status == SipParseStatus.NeedMoreData, $"prefix {length}: {status} {error}");
            Assert.Null(message);
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void TryParseStream_FedOneByteAtATime_CompletesOnLastByte(string text)
    {
        var bytes = SipText.Wire(text);
        var parser = new SipMessageParser();
        var pending = new List<byte>();
        SipMessage? parsed = null;
        for (var i = 0; i < bytes.Length; i++)
        {
            pending.Add(bytes[i]);
            var buffer = TestSegments.Split([.. pending], 3);
            var status = parser.TryParseStream(ref buffer, out parsed, out _);
            if (status == SipParseStatus.Complete)
            {
                Assert.Equal(bytes.Length - 1, i);
                Assert.Equal(0, buffer.Length);
            }
            else
            {
                Assert.Equal(SipParseStatus.NeedMoreData, status);
                pending = [.. pending.Skip((int)(pending.Count - buffer.Length))];
            }
        }
        Assert.NotNull(parsed);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void TryParseDatagram_EveryProperPrefixOfHeaders_RejectedNotAccepted(string text)
    {
        var bytes = SipText.Wire(text);
        var parser = new SipMessageParser();
        var headerEnd = IndexOfBlankLine(bytes);
        for (var length = 1; length < headerEnd; length++)
        {
            var status = parser.TryParseDatagram(new ReadOnlySequence<byte>(bytes, 0, length), out _, out _);

            Assert.Equal(SipParseStatus.Rejected, status);
        }
    }

    private static int IndexOfBlankLine(byte[] bytes) => bytes.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
}
