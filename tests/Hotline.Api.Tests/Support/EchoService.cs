using Grpc.Core;
using Hotline.Api.Pipeline;
using Hotline.Api.Tests.V1;

namespace Hotline.Api.Tests.Support;

/// <summary>The test service: one method of each kind, plus signals tests wait on.</summary>
internal sealed class EchoService : Echo.EchoBase
{
    /// <summary>Completed when a Wait call has started waiting.</summary>
    public TaskCompletionSource WaitStarted { get; } = NewSignal();

    /// <summary>Completed when a Wait call saw its token cancelled.</summary>
    public TaskCompletionSource WaitCancelled { get; } = NewSignal();

    public override Task<EchoReply> Say(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply { Text = request.Text });

    public override Task<EchoReply> WhoAmI(EchoRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        return Task.FromResult(new EchoReply { Text = $"{caller.Kind}:{caller.Id}:{caller.Role}" });
    }

    public override async Task Count(CountRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        for (int i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(new EchoReply { Text = $"#{i}", Index = i }, context.CancellationToken);
        }

        if (request.FailCode != 0)
        {
            throw new RpcException(new Status((StatusCode)request.FailCode, $"failed after {request.Count}"));
        }
    }

    public override async Task<EchoReply> Collect(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        var texts = new List<string>();
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            texts.Add(requestStream.Current.Text);
        }

        return new EchoReply { Text = string.Join(",", texts), Index = texts.Count };
    }

    public override async Task Chat(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        int index = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            await responseStream.WriteAsync(new EchoReply { Text = requestStream.Current.Text.ToUpperInvariant(), Index = index++ });
        }
    }

    public override async Task Watch(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        await responseStream.WriteAsync(new EchoReply { Text = request.Text }, context.CancellationToken);
        var stopping = context.ServerStopping();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    public override Task<EchoReply> Fail(FailRequest request, ServerCallContext context)
    {
        if (request.Crash)
        {
            throw new InvalidOperationException("secret internal detail");
        }

        throw new RpcException(new Status((StatusCode)request.Code, request.Message));
    }

    public override async Task<EchoReply> Wait(EchoRequest request, ServerCallContext context)
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
