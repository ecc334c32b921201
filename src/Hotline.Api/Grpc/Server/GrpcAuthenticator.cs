using Hotline.Api.Grpc.Protocol;
using Hotline.Contracts.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Api.Grpc.Server;

/// <summary>Resolves "authorization: Bearer &lt;token&gt;" (RFC 6750 §2.1) to the caller, or UNAUTHENTICATED.</summary>
internal static class GrpcAuthenticator
{
    private const string Scheme = "Bearer ";

    public static async ValueTask<Caller> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        string? value = context.Request.Headers[GrpcHeaders.Authorization];
        if (string.IsNullOrEmpty(value))
        {
            throw new RpcException(
                StatusCode.Unauthenticated, "Missing authorization metadata; send 'authorization: Bearer <token>'.");
        }

        // RFC 6750 §2.1: the scheme is case-insensitive; the token is one non-empty word.
        string token = value.Length > Scheme.Length && value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? value[Scheme.Length..].Trim()
            : string.Empty;
        if (token.Length == 0 || token.Contains(' ', StringComparison.Ordinal))
        {
            throw new RpcException(
                StatusCode.Unauthenticated, "Malformed authorization metadata; expected 'Bearer <token>'.");
        }

        var validator = context.RequestServices.GetRequiredService<ITokenValidator>();
        return await validator.ValidateAsync(token, cancellationToken)
            ?? throw new RpcException(StatusCode.Unauthenticated, "Unknown or revoked token.");
    }
}
