using System.Data.Common;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Hotline.Api.Calls;
using Hotline.Contracts.Storage;
using Hotline.Contracts.Tickets;
using Hotline.Search;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Hotline.Api.Pipeline;

/// <summary>
/// The one place refusals become gRPC statuses (README "Status codes"): a ticket, search or call-center
/// refusal becomes the status of the same name with its precise message; a call Orleans could not deliver
/// (its silo stopped or died) becomes UNAVAILABLE; a call the client left or whose
/// deadline passed becomes CANCELLED or DEADLINE_EXCEEDED; anything else is a server fault, INTERNAL with
/// a generic message and the details only in the log (the library would send UNKNOWN). Storage faults
/// (a database exception, an I/O error or a timeout reaching it) are UNAVAILABLE: retryable, nothing changed.
/// </summary>
internal sealed class StatusInterceptor(TimeProvider timeProvider, IHostApplicationLifetime lifetime, ILogger<StatusInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw ToStatus(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw ToStatus(exception, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw ToStatus(exception, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw ToStatus(exception, context);
        }
    }

    private RpcException ToStatus(Exception exception, ServerCallContext context)
    {
        var (code, detail) = exception switch
        {
            // Cancellation surfaces as OperationCanceledException, or as an IOException from the reset stream.
            _ when context.CancellationToken.IsCancellationRequested => timeProvider.GetUtcNow().UtcDateTime >= context.Deadline
                ? (StatusCode.DeadlineExceeded, "Deadline exceeded.")
                : (StatusCode.Cancelled, "The call was cancelled."),
            TicketRefusedException refused => (Map(refused.Kind), refused.Message),
            CallCenterRefusedException refused => (Map(refused.Refusal), refused.Message),
            SearchInputException invalid => (StatusCode.InvalidArgument, invalid.Message),
            SearchBackendException unavailable => (StatusCode.Unavailable, unavailable.Message),
            // The silo that held the grain stopped or died mid-call: nothing was acknowledged and the grain
            // comes back on a live silo, so the client should retry (UNAVAILABLE is what gRPC clients retry).
            OrleansMessageRejectionException or ConnectionFailedException =>
                (StatusCode.Unavailable, $"The ticket's host went away; retry the call. ({exception.GetType().Name})"),
            // While this host stops, a call that reaches it finds no silo left to place its grain on (Orleans
            // throws a plain OrleansException): nothing was done, and a host that is up will take the retry.
            OrleansException when lifetime.ApplicationStopping.IsCancellationRequested =>
                (StatusCode.Unavailable, "This host is shutting down; retry the call."),
            // The database refused or could not be reached (disk full, read-only, gone, server down or
            // hung): nothing was acknowledged, and the same call may succeed once storage is back.
            DbException or IOException or TimeoutException or StorageUnavailableException =>
                (StatusCode.Unavailable, "Storage is unavailable; retry later."),
            _ => (StatusCode.Internal, "The server failed to handle the call."),
        };
        if (code == StatusCode.Internal)
        {
            PipelineLog.HandlerFailed(logger, context.Method, exception);
        }
        else if (code == StatusCode.Unavailable)
        {
            PipelineLog.StorageUnavailable(logger, context.Method, exception.Message);
        }

        return new RpcException(new Status(code, detail));
    }

    private static StatusCode Map(TicketRefusal refusal) => refusal switch
    {
        TicketRefusal.NotFound => StatusCode.NotFound,
        TicketRefusal.InvalidArgument => StatusCode.InvalidArgument,
        TicketRefusal.FailedPrecondition => StatusCode.FailedPrecondition,
        TicketRefusal.PermissionDenied => StatusCode.PermissionDenied,
        TicketRefusal.Aborted => StatusCode.Aborted,
        _ => StatusCode.Unknown,
    };

    private static StatusCode Map(CallCenterRefusal refusal) => refusal switch
    {
        CallCenterRefusal.NotFound => StatusCode.NotFound,
        CallCenterRefusal.WrongState => StatusCode.FailedPrecondition,
        CallCenterRefusal.InvalidArgument => StatusCode.InvalidArgument,
        CallCenterRefusal.Unavailable => StatusCode.Unavailable,
        CallCenterRefusal.Forbidden => StatusCode.PermissionDenied,
        _ => StatusCode.Unknown,
    };
}
