using Google.Protobuf.Reflection;
using Hotline.Api.Grpc.Reflection.V1;

namespace Hotline.Api.Grpc.Reflection;

/// <summary>grpc.reflection.v1.ServerReflection: one response per request on a bidirectional stream.</summary>
internal sealed class ServerReflectionV1Service : IGrpcService
{
    public static readonly ServiceDescriptor ServiceDescriptor = ReflectionReflection.Descriptor.Services[0];

    private readonly ReflectionResponder _responder;

    public ServerReflectionV1Service(ReflectionResponder responder) => _responder = responder;

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
            await responses.WriteAsync(_responder.Answer(requests.Current), context.CancellationToken);
        }
    }
}
