using Hotline.Contracts.Tickets;
using Hotline.Telephony.Calls;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// The domain's refusals in the console's language. The ticket rules and the call center speak English to the
/// gRPC desks; a console user reads Chinese, so each refusal kind (and the field at fault) gets a Chinese text
/// here, and the original wording goes along as <c>detail</c> for whoever debugs it.
/// </summary>
internal static class ConsoleRefusals
{
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["reason"] = "原因",
        ["department_id"] = "部门",
        ["departmentId"] = "部门",
        ["new_lead_department_id"] = "部门",
        ["lead_department_id"] = "部门",
        ["assisting_department_ids"] = "协办部门",
        ["instructions"] = "派单说明",
        ["answer"] = "答复内容",
        ["note"] = "回访记录",
        ["satisfaction"] = "回访结果",
        ["approve"] = "审批结果",
        ["agentId"] = "坐席",
        ["state"] = "状态",
        ["caller_phone"] = "来电号码",
        ["callerPhone"] = "来电号码",
        ["district"] = "所属区",
        ["content"] = "诉求内容",
        ["category"] = "诉求分类",
        ["urgency"] = "紧急程度",
        ["days"] = "延期天数",
    };

    /// <summary>The Chinese name of a request field, or the field itself when it has none.</summary>
    public static string Field(string? field) => field is null ? "" : FieldLabels.GetValueOrDefault(field, field);

    public static string Ticket(TicketRefusedException refused) => refused.Kind switch
    {
        TicketRefusal.NotFound => "工单不存在，或无权查看。",
        TicketRefusal.PermissionDenied => "无权执行此操作。",
        TicketRefusal.Aborted => "工单刚被他人修改，请刷新后重试。",
        TicketRefusal.FailedPrecondition when refused.State is { } state => $"工单当前状态为「{ConsoleLabels.State(state)}」，不能执行此操作。",
        TicketRefusal.FailedPrecondition => "工单当前状态不允许此操作。",
        _ when refused.Message.EndsWith("is required", StringComparison.Ordinal) => "必填",
        _ when refused.Field is "department_id" or "new_lead_department_id" or "lead_department_id" => "部门不存在、已停用，或不能选择原部门。",
        _ => "填写有误。",
    };

    public static string CallCenter(CallCenterResult result) => result.Refusal switch
    {
        CallCenterRefusal.NotFound => "坐席不存在或未登录电话。",
        CallCenterRefusal.WrongState => "坐席当前状态不允许此操作（如正在通话）。",
        CallCenterRefusal.InvalidArgument => "填写有误。",
        CallCenterRefusal.Unavailable => "电话系统暂不可用，请稍后重试。",
        _ => "操作失败。",
    };
}
