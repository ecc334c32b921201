using Hotline.Api.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Api.Knowledge;

/// <summary>Registers hotline.v1.Knowledge on the gRPC layer; the host also calls <c>AddHotlineSearch</c> for the knowledge base itself.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    public static IServiceCollection AddHotlineKnowledge(this IServiceCollection services) =>
        services.AddGrpcService<KnowledgeService>();
}
