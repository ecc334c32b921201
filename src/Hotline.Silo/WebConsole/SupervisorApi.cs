using System.Text.Json;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Telephony.Calls;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// <c>/api/console/supervisor/…</c>: the wallboard's actions, supervisors only. Each is one call to the same ticket grain
/// or call center the gRPC desks use (the grains keep their own rules); after it the wallboard's figures are re-read
/// and every open wallboard gets a fresh snapshot. The cross-site check of <see cref="ConsoleRequestGuard"/> and the
/// strict session cookie keep other sites from posting here.
/// </summary>
internal static class SupervisorApi
{
    private const int MaxReason = 200;
    private const int MaxInstructions = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        var supervisor = api.MapGroup("/supervisor").RequireAuthorization(ConsolePolicies.Supervisor);
        supervisor.MapPost("/tickets/{id}/extension", (HttpContext context, string id, [FromBody] JsonElement body, IGrainFactory grains, WallboardData data) =>
            Act(data, async () => await grains.GetGrain<ITicketGrain>(id).DecideExtensionAsync(
                new DecideExtension(Me(context).Caller, ConsoleBody.Bool(body, "approve"), Optional(body, "reason", MaxReason)))));
        supervisor.MapPost("/tickets/{id}/return", (HttpContext context, string id, [FromBody] JsonElement body, IGrainFactory grains, WallboardData data) =>
            Act(data, async () =>
            {
                // Approving a return sends the ticket to another department; refusing it sends it back with a reason.
                var approve = ConsoleBody.Bool(body, "approve");
                var department = approve ? ConsoleBody.Text(body, "departmentId", 64) : null;
                var reason = approve ? Optional(body, "reason", MaxReason) : ConsoleBody.Text(body, "reason", MaxReason);
                return await grains.GetGrain<ITicketGrain>(id).DecideReturnAsync(
                    new DecideReturn(Me(context).Caller, department, [], Optional(body, "instructions", MaxInstructions), reason));
            }));
        supervisor.MapPost("/tickets/{id}/designate", (HttpContext context, string id, [FromBody] JsonElement body, IGrainFactory grains, WallboardData data) =>
            Act(data, async () => await grains.GetGrain<ITicketGrain>(id).DesignateAsync(new DesignateDepartment(
                Me(context).Caller, ConsoleBody.Text(body, "departmentId", 64), [], Optional(body, "instructions", MaxInstructions)))));
        supervisor.MapPost("/tickets/{id}/review", (HttpContext context, string id, [FromBody] JsonElement body, IGrainFactory grains, WallboardData data) =>
            Act(data, async () =>
            {
                var approve = ConsoleBody.Bool(body, "approve");
                var reason = approve ? Optional(body, "reason", MaxReason) : ConsoleBody.Text(body, "reason", MaxReason);
                return await grains.GetGrain<ITicketGrain>(id).ReviewReplyAsync(new ReviewReply(Me(context).Caller, approve, reason));
            }));
        supervisor.MapPost("/agents/{agentId}/not-ready", (HttpContext context, string agentId, [FromBody] JsonElement body, ClusterAgentCommands agents, WallboardData data) =>
            ConsoleErrors.Run(async () =>
            {
                var reason = ConsoleBody.Text(body, "reason", MaxReason);

                // The same command as Supervision.ForceAgentState; the reason says who forced it, as there. The agent may
                // be registered with another host of the cluster: the command then goes there.
                var result = await agents.SetNotReadyAsync(agentId, $"值班长 {Me(context).Id} 置忙：{reason}", context.RequestAborted);
                if (!result.IsDone)
                {
                    return Results.Json(
                        new { error = ConsoleRefusals.CallCenter(result), detail = result.Detail },
                        statusCode: result.Refusal switch
                        {
                            CallCenterRefusal.NotFound => StatusCodes.Status404NotFound,
                            CallCenterRefusal.Unavailable => StatusCodes.Status503ServiceUnavailable,
                            _ => StatusCodes.Status409Conflict,
                        });
                }

                data.Invalidate();
                return Results.Json(new { ok = true });
            }));
    }

    private static Task<IResult> Act(WallboardData data, Func<Task<Contracts.Tickets.TicketView>> action) => ConsoleErrors.Run(async () =>
    {
        var view = await action();
        data.Invalidate();
        return Results.Json(TicketJson.From(view));
    });

    private static string? Optional(JsonElement body, string field, int maxLength) =>
        ConsoleBody.Text(body, field, maxLength, required: false) is { Length: > 0 } text ? text : null;

    private static ConsoleUser Me(HttpContext context) =>
        ConsoleUser.From(context.User) ?? throw new InvalidOperationException("the supervisor policy admitted a user without a console role");
}
