using Hotline.Api.Grpc.Protocol;

namespace Hotline.Api.Tests.Grpc.Protocol;

public sealed class GrpcTimeoutTests
{
    public static TheoryData<string, TimeSpan> Valid => new()
    {
        { "1H", TimeSpan.FromHours(1) },
        { "2M", TimeSpan.FromMinutes(2) },
        { "30S", TimeSpan.FromSeconds(30) },
        { "100m", TimeSpan.FromMilliseconds(100) },
        { "250u", TimeSpan.FromTicks(2_500) },
        { "1000n", TimeSpan.FromTicks(10) },
        { "0S", TimeSpan.Zero },
        { "99999999H", TimeSpan.FromHours(99_999_999) },
        { "00000005S", TimeSpan.FromSeconds(5) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_Valid_ReturnsDuration(string value, TimeSpan expected)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(expected, timeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("5")]
    [InlineData("123456789S")]
    [InlineData("5s")]
    [InlineData("5h")]
    [InlineData("-5S")]
    [InlineData("1.5S")]
    [InlineData(" 5S")]
    [InlineData("5 S")]
    [InlineData("5X")]
    [InlineData("５S")]
    public void TryParse_Malformed_ReturnsFalse(string value)
    {
        Assert.False(GrpcTimeout.TryParse(value, out _));
    }
}
