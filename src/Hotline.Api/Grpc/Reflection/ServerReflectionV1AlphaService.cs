using Google.Protobuf;
using Google.Protobuf.Reflection;
using Hotline.Api.Grpc.Reflection.V1Alpha;

namespace Hotline.Api.Grpc.Reflection;

/// <summary>
/// grpc.reflection.v1alpha.ServerReflection, which older tools (grpcurl before 1.9, python grpcio
/// before 1.60) still ask. Its messages are wire-identical to v1, so requests are re-read as v1.
/// </summary>
internal sealed class ServerReflectionV1AlphaService : IGrpcService
{
    public static readonly ServiceDescriptor ServiceDescriptor = ReflectionReflection.Descriptor.Services[0];

    private readonly ReflectionResponder _responder;

    public ServerReflectionV1AlphaService(ReflectionResponder responder) => _responder = responder;

    public ServiceDescriptor Descriptor => ServiceDescriptor;

    public void Bind(ServiceBinder binder) =>
        binder.DuplexStreaming<ServerReflectionRequest, ServerReflectionResponse>("ServerReflectionInfo", InfoAsync);

    private async Task InfoAsync(
        IAsyncStreamReader<ServerReflectionRequest> requests,
        IServerStreamWriter<ServerReflectionResponse> responses,
        ServerCallContext context)
    {
        while (await requests.MoveNext(context.CancellationToken))
        {
            var asV1 = V1.ServerReflectionRequest.Parser.ParseFrom(requests.Current.ToByteString());
            var answer = _responder.Answer(asV1);
            await responses.WriteAsync(ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()), context.CancellationToken);
        }
    }
}
