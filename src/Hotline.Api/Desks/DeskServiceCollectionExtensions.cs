using Hotline.Api.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Api.Desks;

/// <summary>Registers the ticket desks (HotlineDesk, DepartmentDesk) on the gRPC layer; HotlineDesk's advice needs <c>AddHotlineSearch</c> too.</summary>
public static class DeskServiceCollectionExtensions
{
    public static IServiceCollection AddHotlineDesks(this IServiceCollection services) =>
        services
            .AddSingleton<TicketGrains>()
            .AddSingleton<TicketAdvice>()
            .AddGrpcService<HotlineDeskService>()
            .AddGrpcService<DepartmentDeskService>();
}
