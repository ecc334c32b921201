using System.Globalization;
using Hotline.Api.Grpc.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hotline.Api.Grpc.Server;

/// <summary>
/// Runs a bound method under its deadline and the client's cancellation, and turns how it ended into
/// a gRPC status: RpcException → its status; the deadline passing → DEADLINE_EXCEEDED; the client
/// resetting the stream → CANCELLED (nothing is sent); anything else → INTERNAL with a generic message,
/// the details only in the log.
/// </summary>
/// <remarks>
/// A handler that ignores its cancellation token keeps the call open until it returns: the layer
/// cannot take the response away from running code. Handlers pass the token to every await.
/// </remarks>
internal sealed class GrpcCallRunner
{
    // CancellationTokenSource timers take at most uint.MaxValue - 1 ms (~49 days); longer means none.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationToken _serverStopping;
    private readonly GrpcServerMetrics? _metrics;

    public GrpcCallRunner(TimeProvider timeProvider, ILogger logger, CancellationToken serverStopping, GrpcServerMetrics? metrics = null)
    {
        _timeProvider = timeProvider;
        _logger = logger;
        _serverStopping = serverStopping;
        _metrics = metrics;
    }

    public async Task RunAsync(
        HttpContext context, GrpcMethod method, TimeSpan? timeout, RequestMessageReader requests, ResponseMessageWriter responses)
    {
        long started = _timeProvider.GetTimestamp();
        DateTimeOffset deadline = timeout is { } t ? SafeAdd(_timeProvider.GetUtcNow(), t) : DateTimeOffset.MaxValue;
        using var deadlineSource = timeout is { } limit && limit < LongestTimer
            ? new CancellationTokenSource(limit, _timeProvider)
            : new CancellationTokenSource();
        using var callSource = CancellationTokenSource.CreateLinkedTokenSource(deadlineSource.Token, context.RequestAborted);
        var callContext = new ServerCallContext(context, method.Path, deadline, callSource.Token, _serverStopping);

        StatusCode status = StatusCode.OK;
        string message = string.Empty;
        try
        {
            if (method.RequiresAuthentication)
            {
                callContext.Caller = await GrpcAuthenticator.AuthenticateAsync(context, callSource.Token);
            }

            await method.Invoke(new GrpcCall(callContext, requests, responses));
        }
        catch (RpcException e)
        {
            (status, message) = (e.StatusCode, e.Message);
        }
        catch (Exception) when (deadlineSource.IsCancellationRequested || context.RequestAborted.IsCancellationRequested)
        {
            // Cancellation surfaces as OperationCanceledException, or as an IOException from the reset stream.
            (status, message) = (StatusCode.Cancelled, "The call was cancelled.");
        }
        catch (Exception e)
        {
            GrpcServerLog.HandlerFailed(_logger, method.Path, e);
            (status, message) = (StatusCode.Internal, "The server failed to handle the call.");
        }
        finally
        {
            responses.Complete();
        }

        // Once the deadline has passed the client has given up: the call failed, whatever the handler did.
        if (deadlineSource.IsCancellationRequested)
        {
            (status, message) = (StatusCode.DeadlineExceeded, "Deadline exceeded.");
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            GrpcServerLog.CallCancelled(_logger, method.Path);
            _metrics?.CallCompleted(method.Path, StatusCode.Cancelled, _timeProvider.GetElapsedTime(started));
            return;
        }

        _metrics?.CallCompleted(method.Path, status, _timeProvider.GetElapsedTime(started));

        if (status != StatusCode.OK)
        {
            GrpcServerLog.CallFailed(_logger, method.Path, status, message);
        }

        WriteStatus(context.Response, responses, status, message);
    }

    private static void WriteStatus(HttpResponse response, ResponseMessageWriter responses, StatusCode status, string message)
    {
        if (responses.MessagesWritten == 0 && !response.HasStarted)
        {
            GrpcRequestHandler.EndTrailersOnly(response, status, message);
            return;
        }

        response.AppendTrailer(GrpcHeaders.Status, ((int)status).ToString(CultureInfo.InvariantCulture));
        if (message.Length > 0)
        {
            response.AppendTrailer(GrpcHeaders.Message, GrpcMessageEncoding.Encode(message));
        }
    }

    private static DateTimeOffset SafeAdd(DateTimeOffset now, TimeSpan timeout) =>
        DateTimeOffset.MaxValue - now < timeout ? DateTimeOffset.MaxValue : now + timeout;
}
