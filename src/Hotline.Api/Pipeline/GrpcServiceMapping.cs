using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Hotline.Api.Pipeline;

/// <summary>A gRPC service an API surface registered; <see cref="GrpcEndpointExtensions.MapHotlineGrpc"/> maps every one.</summary>
internal sealed record GrpcServiceMapping(Func<IEndpointRouteBuilder, IEndpointConventionBuilder> Map);
