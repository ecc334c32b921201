namespace Hotline.Api.Grpc;

/// <summary>
/// Ends a call with a status other than OK. Thrown by handlers (e.g. NOT_FOUND, FAILED_PRECONDITION)
/// and by the protocol layer; the message is sent to the client as grpc-message.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(StatusCode statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public StatusCode StatusCode { get; }
}
