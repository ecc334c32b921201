using System.Text;
using Hotline.Telephony.Media.Dtmf;

namespace Hotline.Telephony.Tests.Media.Dtmf;

public sealed class SipInfoDtmfTests
{
    [Theory]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n", '5')]
    [InlineData("Application/DTMF-Relay; charset=utf-8", "Duration=100\nsignal = #\n", '#')]
    [InlineData("application/dtmf-relay", "Signal=10\r\nDuration=160\r\n", '*')]
    [InlineData("application/dtmf-relay", "Signal=11\r\n", '#')]
    [InlineData("application/dtmf-relay", "Signal=d\r\n", 'D')]
    [InlineData("application/dtmf-relay", "Signal=12\r\n", 'A')]
    [InlineData("application/dtmf", "7", '7')]
    [InlineData("application/dtmf", " *\r\n", '*')]
    public void TryParse_DtmfBodies_Digit(string contentType, string body, char expected)
    {
        Assert.True(SipInfoDtmf.TryParse(contentType, Encoding.UTF8.GetBytes(body), out var digit));
        Assert.Equal(expected, digit);
    }

    [Theory]
    [InlineData("application/dtmf-relay", "Duration=160\r\n")]
    [InlineData("application/dtmf-relay", "Signal=\r\n")]
    [InlineData("application/dtmf-relay", "Signal=E\r\n")]
    [InlineData("application/dtmf-relay", "Signal=16\r\n")]
    [InlineData("application/dtmf-relay", "Signal=55\r\n")]
    [InlineData("application/dtmf", "")]
    [InlineData("application/dtmf", "99")]
    [InlineData("text/plain", "Signal=5")]
    [InlineData(null, "Signal=5")]
    public void TryParse_NoKey_False(string? contentType, string body)
    {
        Assert.False(SipInfoDtmf.TryParse(contentType, Encoding.UTF8.GetBytes(body), out _));
    }

    [Fact]
    public void TryParse_HugeBody_FalseWithoutDecoding()
    {
        var body = Encoding.UTF8.GetBytes("Signal=5\r\n" + new string('x', 10_000));

        Assert.False(SipInfoDtmf.TryParse("application/dtmf-relay", body, out _));
    }
}
