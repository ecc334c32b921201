using Grpc.Core;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>A unary call's outcome: its status and, when OK, the response.</summary>
internal sealed record GrpcReply<TResponse>(StatusCode Status, string Message, TResponse? Response)
{
    public bool IsOk => Status == StatusCode.OK;

    /// <summary>The response of an OK call; otherwise fails with the status the server gave.</summary>
    public TResponse Value => IsOk && Response is not null ? Response : throw new InvalidOperationException($"{Status}: {Message}");
}
