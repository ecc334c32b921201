using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Hotline.Contracts.Agents;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Wallboard;
using Microsoft.Extensions.Options;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// <c>/api/console/wallboard</c> (one snapshot) and <c>/api/console/wallboard/events</c> (Server-Sent Events): a new
/// snapshot whenever any host's call center reports a change (through <see cref="WallboardCluster"/>) or a supervisor
/// acts, and at least every few seconds for the stores' figures (shared by the cluster's hosts).
/// Agents' time in state is counted by the page from <c>since</c>, so an unchanged snapshot is not sent again.
/// </summary>
internal static class WallboardApi
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(3);

    public static void Map(RouteGroupBuilder api)
    {
        var wallboard = api.MapGroup("/wallboard").RequireAuthorization(ConsolePolicies.Supervisor);
        wallboard.MapGet("", async (HttpContext context, WallboardCluster cluster, WallboardData data, IOptions<WallboardOptions> options, TimeProvider time) =>
            Results.Json(await SnapshotAsync(cluster, data, options.Value, time, context.RequestAborted)));
        wallboard.MapGet("/events", (HttpContext context, WallboardCluster cluster, WallboardData data, IOptions<WallboardOptions> options, TimeProvider time, IHostApplicationLifetime lifetime) =>
            TypedResults.ServerSentEvents(StreamAsync(cluster, data, options.Value, time, context.RequestAborted, lifetime.ApplicationStopping)));
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        WallboardCluster cluster, WallboardData data, WallboardOptions options, TimeProvider time,
        CancellationToken aborted, CancellationToken stopping, [EnumeratorCancellation] CancellationToken enumeration = default)
    {
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping, enumeration);
        string? sent = null;
        while (!watching.IsCancellationRequested)
        {
            // Take the change task before reading, so a change during the read is not missed.
            var changed = Task.WhenAny(cluster.WaitForChangeAsync(watching.Token), data.WaitForChangeAsync(watching.Token));
            string json;
            try
            {
                json = JsonSerializer.Serialize(await SnapshotAsync(cluster, data, options, time, watching.Token));
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (json != sent)
            {
                sent = json;
                yield return new SseItem<string>(json, "snapshot");
            }

            try
            {
                await Task.WhenAny(changed, Task.Delay(RefreshEvery, time, watching.Token)).Unwrap();
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private static async Task<object> SnapshotAsync(
        WallboardCluster cluster, WallboardData data, WallboardOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var board = cluster.Board;
        // A queue exists on every host: the cluster's queue is the sum of them, its longest wait the longest anywhere.
        var queues = board.Hosts.SelectMany(h => h.Queues).GroupBy(q => q.QueueId, StringComparer.Ordinal)
            .Select(g => new WallboardQueue(g.Key, g.Sum(q => q.Waiting), g.Max(q => q.LongestWait), g.Sum(q => q.ReadyAgents), g.Sum(q => q.BusyAgents)))
            .ToList();
        var agents = board.Hosts.SelectMany(h => h.Agents).GroupBy(a => a.AgentId, StringComparer.Ordinal).Select(g => g.MaxBy(a => a.Since)!).ToList();
        var reading = await data.ReadAsync(cancellationToken);
        var (calls, tickets) = (reading.Calls, reading.Late);
        var alerts = new List<string>();
        foreach (var queue in queues.Where(q => q.LongestWait.TotalSeconds > options.LongestWaitAlertSeconds))
        {
            alerts.Add($"队列 {queue.QueueId} 最长等待已超过 {options.LongestWaitAlertSeconds} 秒");
        }

        if (calls.ServiceLevel is { } level && level < options.ServiceLevelTarget)
        {
            alerts.Add($"服务水平 {level:P0} 低于目标 {options.ServiceLevelTarget:P0}");
        }

        var late = tickets.Count(t => TicketJsonLate(t));
        if (late > 0)
        {
            alerts.Add($"{late} 张工单已超期");
        }

        return new
        {
            at = time.GetUtcNow(),
            queues = queues.OrderBy(q => q.QueueId, StringComparer.Ordinal).Select(q => new
            {
                queueId = q.QueueId,
                waiting = q.Waiting,
                longestWaitSeconds = (int)q.LongestWait.TotalSeconds,
                readyAgents = q.ReadyAgents,
                busyAgents = q.BusyAgents,
            }),
            hosts = board.Hosts.Select(h => h.Host),
            host = cluster.Host,
            agents = agents.OrderBy(a => a.AgentId, StringComparer.Ordinal).Select(a => new
            {
                id = a.AgentId,
                state = a.State.ToString(),
                label = ConsoleLabels.Agent(a.State),
                reason = a.Reason,
                since = a.Since,
                host = a.Host,
            }),
            agentCounts = Enum.GetValues<AgentState>().Select(s => new { state = s.ToString(), label = ConsoleLabels.Agent(s), count = agents.Count(a => a.State == s) }),
            today = new
            {
                offered = calls.Offered,
                answered = calls.Answered,
                abandoned = calls.Abandoned,
                answerRate = calls.AnswerRate,
                answered15Rate = calls.Answered15Rate,
                asaSeconds = calls.AsaSeconds,
                serviceLevel = calls.ServiceLevel,
                serviceLevelTarget = options.ServiceLevelTarget,
                serviceLevelSeconds = options.ServiceLevelSeconds,
            },
            tickets = tickets.Select(TicketJson.From),
            decisions = reading.Decisions.Select(Decision),
            alerts,
        };
    }

    /// <summary>A ticket waiting on a supervisor, with what is asked of them (<c>kind</c>) and the request's details.</summary>
    private static object Decision(TicketView t) => new
    {
        kind = t.State switch
        {
            TicketState.Returned => "return",
            TicketState.Replied => "review",
            _ when t.PendingExtension is not null => "extension",
            _ => "designation",
        },
        needsDesignation = t.NeedsDesignation,
        extension = t.PendingExtension is { } e ? new { departmentId = e.DepartmentId, days = e.Days, reason = e.Reason, requestedAt = e.RequestedAt } : null,
        reply = t.Reply,
        ticket = TicketJson.From(t),
    };

    private static bool TicketJsonLate(TicketView t) =>
        t.SignStatus == DeadlineStatus.Overdue || t.HandleStatus == DeadlineStatus.Overdue;
}
