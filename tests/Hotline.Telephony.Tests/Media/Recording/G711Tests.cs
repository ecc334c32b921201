using Hotline.Telephony.Media.Recording;

namespace Hotline.Telephony.Tests.Media.Recording;

public sealed class G711Tests
{
    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0xFE, 8)]
    [InlineData(0xEF, 132)]
    public void MuLawToLinear_KnownCodes_MatchG711(int code, int expected)
    {
        Assert.Equal(expected, G711.MuLawToLinear((byte)code));
    }

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xC5, 264)]
    public void ALawToLinear_KnownCodes_MatchG711(int code, int expected)
    {
        Assert.Equal(expected, G711.ALawToLinear((byte)code));
    }

    [Fact]
    public void LinearToMuLaw_EveryDecodedValue_EncodesBackToSameCode()
    {
        for (int code = 0; code < 256; code++)
        {
            if (code == 0x7F)
            {
                continue; // negative zero: decodes to 0, which encodes as positive zero 0xFF
            }

            Assert.Equal(code, G711.LinearToMuLaw(G711.MuLawToLinear((byte)code)));
        }
    }

    [Fact]
    public void LinearToALaw_EveryDecodedValue_EncodesBackToSameCode()
    {
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal(code, G711.LinearToALaw(G711.ALawToLinear((byte)code)));
        }
    }

    [Theory]
    [InlineData(short.MaxValue, 0x80)]
    [InlineData(short.MinValue, 0x00)]
    [InlineData(0, 0xFF)]
    public void LinearToMuLaw_Extremes_Clip(short sample, int expected)
    {
        Assert.Equal(expected, G711.LinearToMuLaw(sample));
    }

    [Fact]
    public void TryDecode_NotG711_ReturnsFalse()
    {
        Assert.False(G711.TryDecode(101, [1, 2], new short[2]));
    }
}
