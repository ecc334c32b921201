using Microsoft.AspNetCore.Http;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Hotline.Contracts.Security;
using Microsoft.AspNetCore.Authorization;

namespace Hotline.Api.Pipeline;

/// <summary>
/// The one place bearer tokens are checked: "authorization: Bearer &lt;token&gt;" (RFC 6750 §2.1) becomes
/// the call's <see cref="Caller"/>, or the call ends UNAUTHENTICATED before the method runs. Endpoints
/// marked <see cref="IAllowAnonymous"/> (server reflection, health) are left alone. Roles are checked by
/// each service, which knows what a role may do there.
/// </summary>
internal sealed class AuthenticationInterceptor(ITokenValidator validator) : Interceptor
{
    private const string Scheme = "Bearer ";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async ValueTask AuthenticateAsync(ServerCallContext context)
    {
        var httpContext = context.GetHttpContext();
        if (httpContext.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return;
        }

        string? value = httpContext.Request.Headers.Authorization;
        if (string.IsNullOrEmpty(value))
        {
            throw Unauthenticated("Missing authorization metadata; send 'authorization: Bearer <token>'.");
        }

        // RFC 6750 §2.1: the scheme is case-insensitive; the token is one non-empty word.
        string token = value.Length > Scheme.Length && value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? value[Scheme.Length..].Trim()
            : string.Empty;
        if (token.Length == 0 || token.Contains(' ', StringComparison.Ordinal))
        {
            throw Unauthenticated("Malformed authorization metadata; expected 'Bearer <token>'.");
        }

        var caller = await validator.ValidateAsync(token, context.CancellationToken)
            ?? throw Unauthenticated("Unknown or revoked token.");
        context.SetCaller(caller);
    }

    private static RpcException Unauthenticated(string detail) => new(new Status(StatusCode.Unauthenticated, detail));
}
