using Google.Protobuf;
using Grpc.Core;

namespace Hotline.Api.Tests.Support;

/// <summary>How a call ended, and the messages it answered (as bytes).</summary>
internal sealed record GrpcResult(StatusCode Status, string StatusMessage, IReadOnlyList<byte[]> Messages)
{
    public T Single<T>(MessageParser<T> parser)
        where T : IMessage<T> => parser.ParseFrom(Assert.Single(Messages));
}
