using Hotline.Contracts.Grains;
using Hotline.Contracts.Tickets;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// <c>/api/console/liaison/…</c>: a department liaison's tickets. The liaison acts as its department, so the ticket
/// queries and grains show it only tickets dispatched to that department, with callers' phones masked.
/// </summary>
internal static class LiaisonApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var liaison = api.MapGroup("/liaison").RequireAuthorization(ConsolePolicies.Liaison);
        liaison.MapGet("/tickets", (HttpContext context, ITicketQueries tickets) => ConsoleErrors.Run(async () =>
        {
            var caller = Liaison(context).Caller;
            var page = await tickets.ListForDepartmentAsync(caller, null, 100, null, context.RequestAborted);
            return Results.Json(page.Tickets.Select(TicketJson.From));
        }));
        liaison.MapGet("/tickets/{id}", (HttpContext context, string id, IGrainFactory grains) => ConsoleErrors.Run(async () =>
            Results.Json(TicketJson.From(await grains.GetGrain<ITicketGrain>(id).GetAsync(Liaison(context).Caller)))));
    }

    private static ConsoleUser Liaison(HttpContext context) =>
        ConsoleUser.From(context.User) is { DepartmentId: not null } user
            ? user
            : throw new InvalidOperationException("the liaison policy admitted a user without a department");
}
