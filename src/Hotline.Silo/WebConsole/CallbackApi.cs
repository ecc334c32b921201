using System.Text.Json;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// <c>/api/console/agent/callbacks</c> and <c>/api/console/agent/tickets/{id}/callback</c>: the agent's return visits (我的回访).
/// The list holds the tickets awaiting their return visit, the ones the signed-in agent registered first (<c>mine</c>);
/// recording an outcome is the grain's RecordCallback, as on the gRPC desk.
/// </summary>
internal static class CallbackApi
{
    private const int MaxNote = 500;

    public static void Map(RouteGroupBuilder api)
    {
        var agent = api.MapGroup("/agent").RequireAuthorization(ConsolePolicies.Agent);
        agent.MapGet("/callbacks", (HttpContext context, ITicketQueries tickets, IGrainFactory grains) => ConsoleErrors.Run(async () =>
        {
            var user = Me(context);
            var page = await tickets.SearchAsync(user.Caller, new TicketSearch(States: [TicketState.AwaitingCallback], PageSize: 50), context.RequestAborted);
            var rows = new List<(bool Mine, TicketView Ticket)>();
            foreach (var ticket in page.Tickets)
            {
                // The creator is the first entry of the history: the index keeps no creator column.
                var history = await grains.GetGrain<ITicketGrain>(ticket.Id).GetHistoryAsync(user.Caller);
                rows.Add((history.Count > 0 && history[0].Actor == $"staff:{user.Id}", ticket));
            }

            return Results.Json(rows
                .OrderByDescending(r => r.Mine)
                .ThenBy(r => r.Ticket.UpdatedAt)
                .Select(r => new { mine = r.Mine, attempts = r.Ticket.Callback?.Attempts ?? 0, ticket = TicketJson.From(r.Ticket) }));
        }));
        agent.MapPost("/tickets/{id}/callback", (HttpContext context, string id, [FromBody] JsonElement body, IGrainFactory grains) => ConsoleErrors.Run(async () =>
        {
            var satisfaction = ConsoleBody.Enum<Satisfaction>(body, "satisfaction");
            var note = ConsoleBody.Text(body, "note", MaxNote, required: false);
            var view = await grains.GetGrain<ITicketGrain>(id).RecordCallbackAsync(
                new RecordCallback(Me(context).Caller, satisfaction, note.Length == 0 ? null : note));
            return Results.Json(TicketJson.From(view));
        }));
    }

    private static ConsoleUser Me(HttpContext context) =>
        ConsoleUser.From(context.User) ?? throw new InvalidOperationException("the agent policy admitted a user without a console role");
}
