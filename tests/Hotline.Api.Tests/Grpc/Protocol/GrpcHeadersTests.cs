using Hotline.Api.Grpc.Protocol;

namespace Hotline.Api.Tests.Grpc.Protocol;

public sealed class GrpcHeadersTests
{
    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("Application/GRPC; charset=utf-8", true)]
    [InlineData("application/grpc+json", false)]
    [InlineData("application/grpc-web", false)]
    [InlineData("application/json", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsGrpcProtoContentType_Classifies(string? contentType, bool expected)
    {
        Assert.Equal(expected, GrpcHeaders.IsGrpcProtoContentType(contentType));
    }

    [Theory]
    [InlineData("identity,deflate,gzip", "gzip", true)]
    [InlineData("identity, gzip", "gzip", true)]
    [InlineData("identity", "gzip", false)]
    [InlineData("gzipx", "gzip", false)]
    [InlineData(null, "gzip", false)]
    public void ListsEncoding_FindsWholeItems(string? accept, string encoding, bool expected)
    {
        Assert.Equal(expected, GrpcHeaders.ListsEncoding(accept, encoding));
    }
}
