using Google.Protobuf.Reflection;
using Hotline.Api.Grpc;
using Hotline.Api.Tests.V1;

namespace Hotline.Api.Tests.Support;

/// <summary>The test service: one method of each kind, plus signals tests wait on.</summary>
internal sealed class EchoService : IGrpcService
{
    public static readonly ServiceDescriptor ServiceDescriptor = EchoReflection.Descriptor.Services[0];

    public ServiceDescriptor Descriptor => ServiceDescriptor;

    /// <summary>Completed when a Wait call has started waiting.</summary>
    public TaskCompletionSource WaitStarted { get; private set; } = NewSignal();

    /// <summary>Completed when a Wait call saw its token cancelled.</summary>
    public TaskCompletionSource WaitCancelled { get; private set; } = NewSignal();

    public void ResetSignals()
    {
        WaitStarted = NewSignal();
        WaitCancelled = NewSignal();
    }

    public void Bind(ServiceBinder binder)
    {
        binder.Unary<EchoRequest, EchoReply>("Say", (request, _) => Task.FromResult(new EchoReply { Text = request.Text }));
        binder.ServerStreaming<CountRequest, EchoReply>("Count", CountAsync);
        binder.ClientStreaming<EchoRequest, EchoReply>("Collect", CollectAsync);
        binder.DuplexStreaming<EchoRequest, EchoReply>("Chat", ChatAsync);
        binder.Unary<FailRequest, EchoReply>("Fail", Fail);
        binder.Unary<EchoRequest, EchoReply>("Wait", WaitAsync);
        binder.ServerStreaming<EchoRequest, EchoReply>("Watch", WatchAsync);
        binder.Unary<EchoRequest, EchoReply>("WhoAmI", (_, context) =>
        {
            var caller = context.RequireCaller();
            return Task.FromResult(new EchoReply { Text = $"{caller.Kind}:{caller.Id}:{caller.Role}" });
        });
    }

    private static async Task CountAsync(CountRequest request, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        for (int i = 0; i < request.Count; i++)
        {
            await responses.WriteAsync(new EchoReply { Text = $"#{i}", Index = i }, context.CancellationToken);
        }

        if (request.FailCode != 0)
        {
            throw new RpcException((StatusCode)request.FailCode, $"failed after {request.Count}");
        }
    }

    private static async Task<EchoReply> CollectAsync(IAsyncStreamReader<EchoRequest> requests, ServerCallContext context)
    {
        var texts = new List<string>();
        while (await requests.MoveNext(context.CancellationToken))
        {
            texts.Add(requests.Current.Text);
        }

        return new EchoReply { Text = string.Join(",", texts), Index = texts.Count };
    }

    private static async Task ChatAsync(
        IAsyncStreamReader<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        int index = 0;
        while (await requests.MoveNext(context.CancellationToken))
        {
            await responses.WriteAsync(new EchoReply { Text = requests.Current.Text.ToUpperInvariant(), Index = index++ });
        }
    }

    private static async Task WatchAsync(EchoRequest request, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        await responses.WriteAsync(new EchoReply { Text = request.Text }, context.CancellationToken);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, context.ServerStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException) when (context.ServerStopping.IsCancellationRequested)
        {
        }
    }

    private static Task<EchoReply> Fail(FailRequest request, ServerCallContext context)
    {
        if (request.Crash)
        {
            throw new InvalidOperationException("secret internal detail");
        }

        throw new RpcException((StatusCode)request.Code, request.Message);
    }

    private async Task<EchoReply> WaitAsync(EchoRequest request, ServerCallContext context)
    {
        WaitStarted.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            WaitCancelled.TrySetResult();
            throw;
        }

        return new EchoReply { Text = request.Text };
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
