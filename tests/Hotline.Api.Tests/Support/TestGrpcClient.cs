using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Hotline.Api.Tests.Support;

/// <summary>
/// Calls by path through Grpc.Net.Client, for tests that call many methods with one helper: one request
/// (any message, or bytes as they are), every answer kept as bytes for the test to parse. Unary and
/// server-streaming methods look alike on the wire, so both are read as a stream.
/// </summary>
internal sealed class TestGrpcClient(GrpcChannel channel)
{
    private static readonly Marshaller<IMessage> RequestMarshaller = Marshallers.Create<IMessage>(m => m.ToByteArray(), _ => throw new NotSupportedException());
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create<byte[]>(b => b, b => b);

    public Task<GrpcResult> CallAsync(string path, IMessage request, string? token = TestTokenValidator.StaffToken, Metadata? headers = null) =>
        CallAsync(Method(path, RequestMarshaller), request, token, headers);

    /// <summary>Sends <paramref name="payload"/> as the request message as it is, e.g. bytes no generated message would write.</summary>
    public Task<GrpcResult> CallRawAsync(string path, byte[] payload, string? token = TestTokenValidator.StaffToken) =>
        CallAsync(Method(path, Bytes), payload, token, headers: null);

    private async Task<GrpcResult> CallAsync<TRequest>(Method<TRequest, byte[]> method, TRequest request, string? token, Metadata? headers)
        where TRequest : class
    {
        headers ??= [];
        if (token is not null)
        {
            headers.Add("authorization", $"Bearer {token}");
        }

        // The deadline bounds a broken server so the suite cannot hang; it is not asserted.
        var options = new CallOptions(headers, deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(60));
        var messages = new List<byte[]>();
        try
        {
            using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(method, null, options, request);
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                messages.Add(call.ResponseStream.Current);
            }

            return new GrpcResult(StatusCode.OK, "", messages);
        }
        catch (RpcException e)
        {
            return new GrpcResult(e.StatusCode, e.Status.Detail, messages);
        }
    }

    private static Method<TRequest, byte[]> Method<TRequest>(string path, Marshaller<TRequest> requestMarshaller)
    {
        var parts = path.Trim('/').Split('/');
        return new Method<TRequest, byte[]>(MethodType.ServerStreaming, parts[0], parts.Length > 1 ? parts[1] : "", requestMarshaller, Bytes);
    }
}
