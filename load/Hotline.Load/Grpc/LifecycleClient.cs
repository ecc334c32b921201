using System.Diagnostics;
using Google.Protobuf;
using V1 = Hotline.Api.V1;

namespace Hotline.Load.Grpc;

/// <summary>
/// One closed-loop client: creates a ticket and walks it to CLOSED (dispatch, claim, progress, reply,
/// review, callback) as fast as answers come, as an agent, the department dispatched to and a supervisor (the review), then starts the next. A failed step abandons the ticket.
/// Only calls that start and finish inside the measured window are counted.
/// </summary>
internal sealed class LifecycleClient(
    H2cUnaryClient connection, string agentAuthorization, string supervisorAuthorization, string departmentId, string departmentAuthorization, MeasureWindow window)
{
    private const string Hotline = "/hotline.v1.HotlineDesk/";
    private const string Department = "/hotline.v1.DepartmentDesk/";

    public ClientTally Tally { get; } = new();

    public async Task RunAsync(CancellationToken abort)
    {
        var serial = 0;
        while (window.Running)
        {
            serial++;
            var ticket = await StepAsync(LifecycleStep.CreateTicket, Hotline + "CreateTicket", agentAuthorization, V1.TicketState.Created, new V1.CreateTicketRequest
            {
                CallerPhone = "1380013" + (serial % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                CallerName = "张先生",
                Category = V1.Category.HelpRequest,
                District = "和平区",
                Address = "南京路 123 号",
                Content = "小区门口路灯连续三晚不亮，夜间出行不便，请尽快派人维修。",
                Urgency = V1.Urgency.Normal,
            }, abort);
            if (ticket is null)
            {
                continue;
            }

            foreach (var (step, path, authorization, expected, request) in StepsAfterCreate(ticket.TicketId))
            {
                if (await StepAsync(step, path, authorization, expected, request, abort) is null)
                {
                    break;
                }
            }
        }
    }

    private (LifecycleStep, string, string, V1.TicketState, IMessage)[] StepsAfterCreate(string id) =>
    [
        (LifecycleStep.DispatchTicket, Hotline + "DispatchTicket", agentAuthorization, V1.TicketState.Dispatched,
            new V1.DispatchTicketRequest { TicketId = id, DepartmentId = departmentId, Instructions = "请尽快处理" }),
        (LifecycleStep.ClaimTicket, Department + "ClaimTicket", departmentAuthorization, V1.TicketState.Claimed,
            new V1.ClaimTicketRequest { TicketId = id }),
        (LifecycleStep.AddProgress, Department + "AddProgress", departmentAuthorization, V1.TicketState.Claimed,
            new V1.AddProgressRequest { TicketId = id, Content = "已派人现场查看" }),
        (LifecycleStep.ResolveTicket, Department + "ResolveTicket", departmentAuthorization, V1.TicketState.Replied,
            new V1.ResolveTicketRequest { TicketId = id, Reply = "路灯线路已修复" }),
        (LifecycleStep.ReviewReply, Hotline + "ReviewReply", supervisorAuthorization, V1.TicketState.AwaitingCallback,
            new V1.ReviewReplyRequest { TicketId = id, Approve = true }),
        (LifecycleStep.RecordCallback, Hotline + "RecordCallback", agentAuthorization, V1.TicketState.Closed,
            new V1.RecordCallbackRequest { TicketId = id, Satisfaction = V1.Satisfaction.Satisfied, Reason = "满意" }),
    ];

    private async Task<V1.Ticket?> StepAsync(
        LifecycleStep step, string path, string authorization, V1.TicketState expected, IMessage request, CancellationToken abort)
    {
        if (!window.Running)
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        var counted = window.IsMeasuring(started);
        var result = await connection.CallAsync(path, request, authorization, V1.Ticket.Parser, abort);
        counted &= window.IsMeasuring(Stopwatch.GetTimestamp());
        var code = result.IsOk && result.Message!.State != expected ? StatusNames.UnexpectedState : result.Code;
        if (counted)
        {
            if (code == 0)
            {
                Tally.Latencies[(int)step].Record(started);
            }
            else
            {
                Tally.Failed(step, code);
            }
        }

        return code == 0 ? result.Message : null;
    }
}
