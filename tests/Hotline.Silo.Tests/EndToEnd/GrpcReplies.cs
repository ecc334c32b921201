using Grpc.Core;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>The messages of a call and, once the server ended it, its gRPC status and message.</summary>
internal sealed record GrpcReplies<T>(StatusCode? Status, string? Message, IReadOnlyList<T> Messages)
{
    /// <summary>The single answer of a successful unary call.</summary>
    public T Ok => Status == StatusCode.OK ? Assert.Single(Messages) : throw new Xunit.Sdk.XunitException($"expected OK, got {Status}: {Message}");
}
