namespace Hotline.Api.Grpc.Server;

/// <summary>One call in progress: its context and its two message streams.</summary>
internal sealed record GrpcCall(ServerCallContext Context, RequestMessageReader Requests, ResponseMessageWriter Responses);
