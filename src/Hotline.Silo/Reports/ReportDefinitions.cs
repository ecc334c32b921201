namespace Hotline.Silo.Reports;

/// <summary>
/// Every figure's definition and its computation from summed counters. A rate whose denominator is zero has no
/// value (null), never 0 or 100%: "no calls" is not "all calls lost".
/// </summary>
internal static class ReportDefinitions
{
    public static readonly IReadOnlyList<ReportDefinition> All =
    [
        new(ReportFigure.CallsOffered, "calls_offered", "呼入量", "进入排队、请求人工服务的来电数（在语音导航中挂机的不计）；按来电时间计入日期。", false),
        new(ReportFigure.CallsAnswered, "calls_answered", "接通量", "由座席接听的来电数。", false),
        new(ReportFigure.CallsAbandoned, "calls_abandoned", "放弃量", "在排队中挂机的来电数（溢出与预约回拨不计为放弃）。", false),
        new(ReportFigure.AnswerRate, "answer_rate", "接通率", "接通量 ÷ 呼入量。", true),
        new(ReportFigure.AnswerRate15Seconds, "answer_rate_15s", "15秒接通率", "来电后 15 秒内接听的来电数 ÷ 接通量。", true),
        new(ReportFigure.AverageSpeedOfAnswerSeconds, "asa_seconds", "平均应答时长(秒)", "ASA：已接通来电的排队等待时长之和 ÷ 接通量。", false),
        new(ReportFigure.AverageHandleTimeSeconds, "aht_seconds", "平均通话时长(秒)", "AHT：已接通来电从接听到挂机的时长之和 ÷ 接通量（通话后的满意度评价不计）。", false),
        new(ReportFigure.ServiceLevel, "service_level", "服务水平", "SL：来电后在服务水平目标（Reports:ServiceLevelSeconds，默认 20 秒）内接听的来电数 ÷ 呼入量。", true),
        new(ReportFigure.TicketsCreated, "tickets_created", "受理工单量", "期间新建的工单数减去期间被合并（重复件）的工单数：合并件不重复计数。", false),
        new(ReportFigure.DirectResolutionRate, "direct_resolution_rate", "直办率", "期间未派单、由热线直接办结（答复）的工单数 ÷ 受理工单量。", true),
        new(ReportFigure.Dispatched, "dispatched", "派单量", "期间首次派出的工单数；退回后改派不再计数。按部门统计时，每个部门对同一工单只计一次。", false),
        new(ReportFigure.OnTimeClaimRate, "on_time_claim_rate", "及时签收率", "在签收时限内签收的次数 ÷ 签收次数（每个部门对同一工单只计首次签收）。", true),
        new(ReportFigure.OnTimeReplyRate, "on_time_reply_rate", "按时办结率", "在办理时限（含批准的延期）内提交办结回复的工单数 ÷ 办结回复的工单数。", true),
        new(ReportFigure.CompletionRate, "completion_rate", "办结率", "期间提交办结回复的工单数 ÷ 派单量。", true),
        new(ReportFigure.ReturnRate, "return_rate", "退单率", "期间被退回的工单数（同一工单多次退回只计一次）÷ 派单量。", true),
        new(ReportFigure.ExtensionRate, "extension_rate", "延期率", "期间获准延期的工单数（只计一次）÷ 派单量。", true),
        new(ReportFigure.Overdue, "overdue", "超期件", "办结回复晚于办理时限的工单数。", false),
        new(ReportFigure.OverdueUnreplied, "overdue_unreplied", "超期未办结", "办理时限到期时承办部门仍未提交办结回复的工单数：按系统在到期时写入流转记录的超期提醒（办理时限的 deadline_overdue）计入当日，签收超期不计；获准延期的以新时限为准；每张工单只计一次，按部门统计时每个部门只计一次。", false),
        new(ReportFigure.CallbackRate, "callback_rate", "回访率", "有效回访数（满意、基本满意、不满意；联系不上不算）÷ 应回访数（进入待回访的次数）。", true),
        new(ReportFigure.SatisfactionRate, "satisfaction_rate", "满意率", "（满意 + 基本满意）÷ 有效回访数。", true),
        new(ReportFigure.ThreeRateScore, "three_rate_score", "三率综合得分", "响应率（及时签收率）× 权重 + 解决率（办结率）× 权重 + 满意率 × 权重；权重由 Reports:Weights 配置，默认 0.3 / 0.3 / 0.4。部门排名按此得分从高到低。", true),
    ];

    public static ReportDefinition Of(ReportFigure figure) => All[(int)figure];

    public static double? Compute(ReportFigure figure, ReportCounters c, ThreeRateWeights weights)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(weights);
        var created = c[ReportMeasure.TicketsCreated] - c[ReportMeasure.TicketsMerged];
        return figure switch
        {
            ReportFigure.CallsOffered => c[ReportMeasure.CallsOffered],
            ReportFigure.CallsAnswered => c[ReportMeasure.CallsAnswered],
            ReportFigure.CallsAbandoned => c[ReportMeasure.CallsAbandoned],
            ReportFigure.AnswerRate => Ratio(c[ReportMeasure.CallsAnswered], c[ReportMeasure.CallsOffered]),
            ReportFigure.AnswerRate15Seconds => Ratio(c[ReportMeasure.AnsweredIn15Seconds], c[ReportMeasure.CallsAnswered]),
            ReportFigure.AverageSpeedOfAnswerSeconds => Ratio(c[ReportMeasure.AnswerWaitMilliseconds], c[ReportMeasure.CallsAnswered] * 1000),
            ReportFigure.AverageHandleTimeSeconds => Ratio(c[ReportMeasure.TalkMilliseconds], c[ReportMeasure.CallsAnswered] * 1000),
            ReportFigure.ServiceLevel => Ratio(c[ReportMeasure.AnsweredInServiceLevel], c[ReportMeasure.CallsOffered]),
            ReportFigure.TicketsCreated => created,
            ReportFigure.DirectResolutionRate => Ratio(c[ReportMeasure.ResolvedDirectly], created),
            ReportFigure.Dispatched => c[ReportMeasure.Dispatched],
            ReportFigure.OnTimeClaimRate => Ratio(c[ReportMeasure.ClaimsOnTime], c[ReportMeasure.Claims]),
            ReportFigure.OnTimeReplyRate => Ratio(c[ReportMeasure.RepliesOnTime], c[ReportMeasure.Replies]),
            ReportFigure.CompletionRate => Ratio(c[ReportMeasure.Replies], c[ReportMeasure.Dispatched]),
            ReportFigure.ReturnRate => Ratio(c[ReportMeasure.Returns], c[ReportMeasure.Dispatched]),
            ReportFigure.ExtensionRate => Ratio(c[ReportMeasure.Extensions], c[ReportMeasure.Dispatched]),
            ReportFigure.Overdue => c[ReportMeasure.Replies] - c[ReportMeasure.RepliesOnTime],
            ReportFigure.OverdueUnreplied => c[ReportMeasure.OverdueUnreplied],
            ReportFigure.CallbackRate => Ratio(c[ReportMeasure.CallbacksValid], c[ReportMeasure.CallbacksDue]),
            ReportFigure.SatisfactionRate => Ratio(c[ReportMeasure.CallbacksSatisfied], c[ReportMeasure.CallbacksValid]),
            ReportFigure.ThreeRateScore => weights.Score(
                Compute(ReportFigure.OnTimeClaimRate, c, weights),
                Compute(ReportFigure.CompletionRate, c, weights),
                Compute(ReportFigure.SatisfactionRate, c, weights)),
            _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, null),
        };
    }

    private static double? Ratio(long numerator, long denominator) => denominator <= 0 ? null : (double)numerator / denominator;
}
