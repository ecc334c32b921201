using Hotline.Contracts.Wallboard;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Hotline.Contracts.Agents;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Organisation;
using Hotline.Silo.Storage;
using Hotline.Search.Dispatch;
using Hotline.Search.Similar;
using Hotline.Telephony.Calls;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// <c>/api/console/agent/…</c>: the agent workspace's JSON, thin over the call center, the ticket grains and the search
/// models. The agent acted on is always the signed-in user; the grains make their own role checks.
/// </summary>
internal static class AgentApi
{
    private const int MaxReason = 200;

    private static readonly TicketState[] NearbyStates =
        [TicketState.Created, TicketState.Dispatched, TicketState.Claimed, TicketState.Returned, TicketState.Reopened];

    public static void Map(RouteGroupBuilder api)
    {
        var agent = api.MapGroup("/agent").RequireAuthorization(ConsolePolicies.Agent);
        agent.MapGet("/state", (HttpContext context, IServiceProvider services, WallboardCluster cluster) =>
        {
            var user = User(context);
            if (services.GetService<ICallCenter>() is not { } center)
            {
                return Results.Json(new { state = nameof(AgentState.Offline), label = "电话系统未启用", reason = (string?)null, since = (DateTimeOffset?)null });
            }

            // The phone may be registered with another host of the cluster: its board then has the state.
            var local = center.ListAgents().FirstOrDefault(a => a.AgentId == user.Id);
            var me = local is not null ? new WallboardAgent(local.AgentId, local.State, ConsoleLabels.AgentReason(local.Reason), local.Since, cluster.Host)
                : cluster.Board.Hosts.SelectMany(h => h.Agents).FirstOrDefault(a => a.AgentId == user.Id);
            var state = me?.State ?? AgentState.Offline;
            return Results.Json(new { state = state.ToString(), label = ConsoleLabels.Agent(state), reason = me?.Reason, since = me?.Since });
        });
        agent.MapPost("/state", (HttpContext context, ClusterAgentCommands agents, [FromBody] JsonElement body) => ConsoleErrors.Run(async () =>
        {
            var ready = ConsoleBody.Text(body, "state", 20) switch
            {
                "READY" => true,
                "NOT_READY" => false,
                _ => throw new ConsoleFieldException("state", "必须是 READY 或 NOT_READY"),
            };
            var reason = ready ? null : ConsoleBody.Text(body, "reason", MaxReason);
            if (agents.Local is null)
            {
                return Results.Json(new { error = "电话系统未启用" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var id = User(context).Id;
            var result = ready
                ? await agents.SetReadyAsync(id, context.RequestAborted)
                : await agents.SetNotReadyAsync(id, reason!, context.RequestAborted);
            return result.IsDone
                ? Results.Json(new { ok = true })
                : Results.Json(new { error = result.Detail ?? result.Refusal.ToString() }, statusCode: StatusCodes.Status409Conflict);
        }));
        agent.MapGet("/calls", (HttpContext context, IServiceProvider services, ITicketQueries tickets, IHostApplicationLifetime lifetime) =>
            services.GetService<ICallCenter>() is { } center
                ? TypedResults.ServerSentEvents(WatchCallsAsync(center, tickets, User(context), context.RequestAborted, lifetime.ApplicationStopping))
                : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        agent.MapGet("/departments", async (IDirectoryStore directory, CancellationToken cancellationToken) =>
            Results.Json((await directory.ListDepartmentsAsync(cancellationToken)).Where(d => d.Active).Select(d => new { id = d.Id, name = d.Name })));
        agent.MapGet("/districts", async (IDirectoryStore directory, CancellationToken cancellationToken) =>
            Results.Json(await directory.ListValuesAsync(DirectoryLists.District, cancellationToken)));
        agent.MapGet("/tickets", (HttpContext context, ITicketQueries tickets, string? phone) => ConsoleErrors.Run(async () =>
        {
            var search = new TicketSearch(CallerPhone: string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(), PageSize: 20);
            var page = await tickets.SearchAsync(User(context).Caller, search, context.RequestAborted);
            return Results.Json(page.Tickets.Select(TicketJson.From));
        }));
        agent.MapGet("/worklist/{list}", (HttpContext context, string list, ITicketQueries tickets) => ConsoleErrors.Run(async () =>
        {
            // 待回访: resolved tickets whose callback is due; 待审核: departments' replies the hotline has not reviewed.
            TicketState state = list switch
            {
                "callbacks" => TicketState.AwaitingCallback,
                "review" => TicketState.Replied,
                _ => throw new ConsoleFieldException("list", "应为 callbacks 或 review"),
            };
            var page = await tickets.SearchAsync(User(context).Caller, new TicketSearch(States: [state], PageSize: 50), context.RequestAborted);
            return Results.Json(page.Tickets.Select(TicketJson.From));
        }));
        agent.MapGet("/mine", (HttpContext context, ITicketQueries tickets, IGrainFactory grains) => ConsoleErrors.Run(async () =>
        {
            var user = User(context);
            var page = await tickets.SearchAsync(user.Caller, new TicketSearch(PageSize: 50), context.RequestAborted);
            var mine = new List<object>();
            foreach (var ticket in page.Tickets)
            {
                // The creator is the first entry of the history: the index keeps no creator column.
                var history = await grains.GetGrain<ITicketGrain>(ticket.Id).GetHistoryAsync(user.Caller);
                if (history.Count > 0 && history[0].Actor == $"staff:{user.Id}")
                {
                    mine.Add(TicketJson.From(ticket));
                }
            }

            return Results.Json(mine);
        }));
        agent.MapPost("/advice", (HttpContext context, [FromBody] JsonElement body, DispatchAdvisor advisor, OpenTicketIndex open, IGrainFactory grains) =>
            ConsoleErrors.Run(() => AdviceAsync(context, body, advisor, open, grains)));
        agent.MapPost("/tickets", (HttpContext context, [FromBody] JsonElement body, ITicketCreation creation) => ConsoleErrors.Run(async () =>
        {
            var command = new CreateTicket(
                User(context).Caller,
                ConsoleBody.Text(body, "callerPhone", 32),
                ConsoleBody.Text(body, "callerName", 64, required: false),
                ConsoleBody.Enum<Category>(body, "category"),
                ConsoleBody.Text(body, "district", 64),
                ConsoleBody.Text(body, "address", 200, required: false),
                ConsoleBody.Text(body, "content", 4000),
                ConsoleBody.Enum<Urgency>(body, "urgency"));
            var view = await creation.CreateAsync(command, context.RequestAborted);
            return Results.Json(TicketJson.From(view), statusCode: StatusCodes.Status201Created);
        }));
        agent.MapPost("/tickets/{id}/dispatch", (HttpContext context, string id, [FromBody] JsonElement body, IGrainFactory grains) => ConsoleErrors.Run(async () =>
        {
            var instructions = ConsoleBody.Text(body, "instructions", 1000, required: false);
            var view = await grains.GetGrain<ITicketGrain>(id).DispatchAsync(new DispatchTicket(
                User(context).Caller, ConsoleBody.Text(body, "departmentId", 64), [], instructions.Length == 0 ? null : instructions));
            return Results.Json(TicketJson.From(view));
        }));
        agent.MapPost("/tickets/{id}/resolve", (HttpContext context, string id, [FromBody] JsonElement body, IGrainFactory grains) => ConsoleErrors.Run(async () =>
        {
            var view = await grains.GetGrain<ITicketGrain>(id).ResolveDirectlyAsync(
                new ResolveDirectly(User(context).Caller, ConsoleBody.Text(body, "answer", 4000)));
            return Results.Json(TicketJson.From(view));
        }));
        agent.MapPost("/tickets/{id}/merge", (HttpContext context, string id, [FromBody] JsonElement body, IGrainFactory grains) => ConsoleErrors.Run(async () =>
        {
            // The ticket just recorded repeats an open one (the similar tickets beside the form): it joins that one.
            var reason = ConsoleBody.Text(body, "reason", MaxReason, required: false);
            var view = await grains.GetGrain<ITicketGrain>(id).MergeIntoAsync(
                new MergeTicket(User(context).Caller, ConsoleBody.Text(body, "parentId", 64), reason.Length == 0 ? null : reason));
            return Results.Json(TicketJson.From(view));
        }));
    }

    private static ConsoleUser User(HttpContext context) =>
        ConsoleUser.From(context.User) ?? throw new InvalidOperationException("the agent policy admitted a user without a console role");

    private static async Task<IResult> AdviceAsync(HttpContext context, JsonElement body, DispatchAdvisor advisor, OpenTicketIndex open, IGrainFactory grains)
    {
        var content = ConsoleBody.Text(body, "content", 4000);
        var district = ConsoleBody.Text(body, "district", 64, required: false);
        var address = ConsoleBody.Text(body, "address", 200, required: false);
        var categoryText = ConsoleBody.Text(body, "category", 40, required: false);
        var category = categoryText.Length == 0 ? (string?)null : ConsoleLabels.Category(ConsoleBody.Enum<Category>(body, "category"));
        var suggestions = await advisor.SuggestAsync(new DispatchQuery(content, category, Blank(district), 3), context.RequestAborted);
        var similar = new List<object>();
        foreach (var hit in open.FindSimilar(new SimilarTicketQuery(content, Blank(district), Blank(address), Limit: 5)))
        {
            try
            {
                var ticket = await grains.GetGrain<ITicketGrain>(hit.TicketId).GetAsync(User(context).Caller);
                similar.Add(new { score = hit.Score, samePlace = hit.SamePlace, ticket = TicketJson.From(ticket) });
            }
            catch (TicketRefusedException)
            {
                // Closed or gone since the index heard of it.
            }
        }

        return Results.Json(new
        {
            suggestions = suggestions.Select(s => new
            {
                departmentId = s.DepartmentId,
                name = s.DepartmentName,
                score = s.Score,
                evidence = s.Evidence.Select(e => new { kind = e.Kind.ToString(), reference = e.Reference, description = e.Description }),
            }),
            similar,
        });
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    private static async IAsyncEnumerable<SseItem<object>> WatchCallsAsync(
        ICallCenter center, ITicketQueries tickets, ConsoleUser user, CancellationToken aborted, CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken enumeration = default)
    {
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping, enumeration);
        var notices = center.WatchCallsAsync(user.Id, watching.Token).WithCancellation(watching.Token).ConfigureAwait(false).GetAsyncEnumerator();
        try
        {
            while (await MoveNextAsync(notices))
            {
                var notice = notices.Current;
                IEnumerable<object> earlier = [];
                IEnumerable<object> nearby = [];
                if (notice.Phase is AgentCallPhase.Ringing or AgentCallPhase.Answered && notice.CallerNumber.Length > 0)
                {
                    var page = await tickets.SearchAsync(user.Caller, new TicketSearch(CallerPhone: notice.CallerNumber, PageSize: 10), watching.Token);
                    earlier = page.Tickets.Select(TicketJson.From);

                    // Nearby: other callers' open tickets in the district of this caller's latest ticket (the caller's
                    // neighbourhood as the hotline knows it), so the agent hears of a known outage before recording a repeat.
                    if (page.Tickets.FirstOrDefault() is { District.Length: > 0 } latest)
                    {
                        var around = await tickets.SearchAsync(
                            user.Caller, new TicketSearch(States: NearbyStates, District: latest.District, PageSize: 20), watching.Token);
                        nearby = around.Tickets.Where(t => t.CallerPhone != notice.CallerNumber).Take(10).Select(TicketJson.From);
                    }
                }

                yield return new SseItem<object>(new
                {
                    phase = notice.Phase.ToString(),
                    callId = notice.CallId,
                    callerNumber = notice.CallerNumber,
                    queueId = notice.QueueId,
                    at = notice.At,
                    detail = notice.Detail,
                    earlierTickets = earlier,
                    nearbyTickets = nearby,
                }, "call");
            }
        }
        finally
        {
            await notices.DisposeAsync();
        }
    }

    /// <summary>Host shutdown or the browser leaving ends the stream quietly; the page reconnects.</summary>
    private static async Task<bool> MoveNextAsync(ConfiguredCancelableAsyncEnumerable<AgentCallNotice>.Enumerator notices)
    {
        try
        {
            return await notices.MoveNextAsync();
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
