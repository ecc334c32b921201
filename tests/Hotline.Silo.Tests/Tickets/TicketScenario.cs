using Hotline.Contracts.Organisation;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Calendar;
using Hotline.Silo.Tickets;
using Hotline.Silo.Tickets.Events;

namespace Hotline.Silo.Tests.Tickets;

/// <summary>Drives one ticket through the real rules and fold, step by step, at chosen times.</summary>
internal sealed class TicketScenario
{
    public const string TicketId = "20261123-100000-000001";

    /// <summary>Monday 2026-11-23 10:00 in Shanghai, an ordinary working day.</summary>
    public static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly Caller Agent = new(CallerKind.Staff, "A01", StaffRole.Agent);
    public static readonly Caller Supervisor = new(CallerKind.Staff, "S01", StaffRole.Supervisor);
    public static readonly Caller Editor = new(CallerKind.Staff, "E01", StaffRole.Editor);
    public static readonly Caller Lead = new(CallerKind.Department, "D01", StaffRole.None);
    public static readonly Caller Assisting = new(CallerKind.Department, "D02", StaffRole.None);
    public static readonly Caller Stranger = new(CallerKind.Department, "D03", StaffRole.None);

    public TicketScenario(TicketOptions? options = null)
    {
        Options = options ?? new TicketOptions();
        Calendar = new WorkCalendar(new CalendarOptions());
        Rules = new TicketRules(Options, new TicketDeadlines(Options, Calendar));
        Views = new TicketViews(Rules);
        Now = Monday10;
    }

    public TicketOptions Options { get; }

    public WorkCalendar Calendar { get; }

    public TicketRules Rules { get; }

    public TicketViews Views { get; }

    public DateTimeOffset Now { get; set; }

    public TicketGrainState State { get; private set; } = null!;

    public Dictionary<string, Department> Known { get; } = new()
    {
        ["D01"] = new("D01", "市住房和城乡建设局", 5),
        ["D02"] = new("D02", "市城市管理局", 3),
        ["D03"] = new("D03", "市市场监管委", 10),
        ["D04"] = new("D04", "市人社局", 5),
        ["D05"] = new("D05", "市交通运输局", 5),
    };

    public TicketView View => Views.Full(State, Now);

    public static CreateTicket NewTicket(Urgency urgency = Urgency.Normal, Category category = Category.Complaint) =>
        new(Agent, "13812341234", "张三", category, "朝阳区", "建国路1号", "楼道灯坏了三天", urgency);

    public TicketScenario Apply(IReadOnlyList<TicketEvent> events, Caller by)
    {
        State = TicketFold.Apply(TicketId, State, events.Select(e => new TicketChange(e, TicketAccess.ActorOf(by), Now)));
        return this;
    }

    public TicketScenario Create(Urgency urgency = Urgency.Normal, Category category = Category.Complaint) =>
        Apply(Rules.Intake.Create(NewTicket(urgency, category)), Agent);

    public TicketScenario Dispatch(string lead = "D01", params string[] assisting) =>
        Apply(Rules.Dispatch.Dispatch(State, new DispatchTicket(Agent, lead, assisting, "请三日内处理"), Known, Now), Agent);

    public TicketScenario Claim(Caller? by = null) => Apply(TicketHandlingRules.Claim(State, new ClaimTicket(by ?? Lead)), by ?? Lead);

    public TicketScenario Return(Caller? by = null) => Apply(Rules.Dispatch.Return(State, new ReturnTicket(by ?? Lead, "不属于本单位职责"), Now), by ?? Lead);

    public TicketScenario Redispatch(string lead) =>
        Apply(Rules.Dispatch.DecideReturn(State, new DecideReturn(Agent, lead, [], null, "改派"), Known, Now), Agent);

    public TicketScenario Reply() => Apply(TicketHandlingRules.Resolve(State, new ResolveTicket(Lead, "已修复")), Lead);

    public TicketScenario ApproveReply() => Apply(TicketReviewRules.ReviewReply(State, new ReviewReply(Agent, true, null)), Agent);

    public TicketScenario Callback(Satisfaction satisfaction) =>
        Apply(TicketReviewRules.RecordCallback(State, new RecordCallback(Agent, satisfaction, "回访")), Agent);

    public TicketScenario RequestExtension(int days) =>
        Apply(Rules.Handling.RequestExtension(State, new RequestExtension(Lead, days, "需协调多部门")), Lead);
}
