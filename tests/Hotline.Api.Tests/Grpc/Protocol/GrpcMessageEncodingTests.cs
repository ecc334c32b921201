using Hotline.Api.Grpc.Protocol;

namespace Hotline.Api.Tests.Grpc.Protocol;

public sealed class GrpcMessageEncodingTests
{
    [Theory]
    [InlineData("ticket T1 is CLOSED", "ticket T1 is CLOSED")]
    [InlineData("100% done", "100%25 done")]
    [InlineData("line\nbreak\ttab", "line%0Abreak%09tab")]
    [InlineData("状态", "%E7%8A%B6%E6%80%81")]
    [InlineData("~ and space are kept: a+b=c/d?", "~ and space are kept: a+b=c/d?")]
    [InlineData("\u007f", "%7F")]
    public void Encode_EscapesOnlyOutsidePrintableAsciiAndPercent(string message, string expected)
    {
        Assert.Equal(expected, GrpcMessageEncoding.Encode(message));
    }

    [Theory]
    [InlineData("100% done, 状态 CLAIMED\r\n")]
    [InlineData("")]
    [InlineData("%%%")]
    public void Decode_OfEncode_RoundTrips(string message)
    {
        Assert.Equal(message, GrpcMessageEncoding.Decode(GrpcMessageEncoding.Encode(message)));
    }

    [Theory]
    [InlineData("50%", "50%")]
    [InlineData("%zz ok", "%zz ok")]
    public void Decode_MalformedEscape_KeptVerbatim(string encoded, string expected)
    {
        Assert.Equal(expected, GrpcMessageEncoding.Decode(encoded));
    }
}
