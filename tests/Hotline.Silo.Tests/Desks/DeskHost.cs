using Google.Protobuf;
using Hotline.Contracts.Security;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.EndToEnd;
using Hotline.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using V1 = Hotline.Api.V1;

namespace Hotline.Silo.Tests.Desks;

/// <summary>
/// The real server with the demo organisation, tokens for an agent, a supervisor and two departments
/// (scjg, rsj), and a client speaking gRPC to it; plus the few steps most desk tests start from.
/// </summary>
internal sealed class DeskHost : IAsyncDisposable
{
    public const string Phone = "13812341234";
    public const string MaskedPhone = "138****1234";

    private DeskHost(RunningHost host, GrpcTestClient client)
    {
        Host = host;
        Client = client;
    }

    public RunningHost Host { get; }

    public GrpcTestClient Client { get; }

    public string Agent { get; private set; } = "";

    public string Supervisor { get; private set; } = "";

    /// <summary>Token of department scjg, the one tickets are dispatched to.</summary>
    public string Scjg { get; private set; } = "";

    /// <summary>Token of department rsj, which is sent nothing unless a test says so.</summary>
    public string Rsj { get; private set; } = "";

    public static async Task<DeskHost> StartAsync()
    {
        var host = await RunningHost.StartAsync(loadDemo: true);
        var tokens = host.App.Services.GetRequiredService<ITokenStore>();
        return new DeskHost(host, new GrpcTestClient(host.GrpcBase))
        {
            Agent = await tokens.IssueAsync(new Caller(CallerKind.Staff, "a1", StaffRole.Agent), CancellationToken.None),
            Supervisor = await tokens.IssueAsync(new Caller(CallerKind.Staff, "s1", StaffRole.Supervisor), CancellationToken.None),
            Scjg = await tokens.IssueAsync(new Caller(CallerKind.Department, "scjg", StaffRole.None), CancellationToken.None),
            Rsj = await tokens.IssueAsync(new Caller(CallerKind.Department, "rsj", StaffRole.None), CancellationToken.None),
        };
    }

    public static V1.CreateTicketRequest NewTicket() => new()
    {
        CallerPhone = Phone,
        CallerName = "张三",
        Category = V1.Category.Complaint,
        District = "和平区",
        Address = "建国路1号",
        Content = "超市卖过期食品",
        Urgency = V1.Urgency.Normal,
    };

    public Task<GrpcReplies<V1.Ticket>> HotlineAsync(string method, IMessage request, string? token) =>
        Client.CallAsync("HotlineDesk", method, request, token, V1.Ticket.Parser);

    public Task<GrpcReplies<V1.Ticket>> DepartmentAsync(string method, IMessage request, string? token) =>
        Client.CallAsync("DepartmentDesk", method, request, token, V1.Ticket.Parser);

    /// <summary>Creates a ticket as the agent and returns its id.</summary>
    public async Task<string> CreateAsync() => (await HotlineAsync("CreateTicket", NewTicket(), Agent)).Ok.TicketId;

    /// <summary>Creates a ticket and dispatches it to scjg (optionally with assisting departments).</summary>
    public async Task<string> DispatchedToScjgAsync(params string[] assisting)
    {
        var id = await CreateAsync();
        var request = new V1.DispatchTicketRequest { TicketId = id, DepartmentId = "scjg", Instructions = "请核查" };
        request.AssistingDepartmentIds.AddRange(assisting);
        _ = (await HotlineAsync("DispatchTicket", request, Agent)).Ok;
        return id;
    }

    /// <summary>A ticket dispatched to scjg and claimed by it.</summary>
    public async Task<string> ClaimedByScjgAsync()
    {
        var id = await DispatchedToScjgAsync();
        _ = (await DepartmentAsync("ClaimTicket", new V1.ClaimTicketRequest { TicketId = id }, Scjg)).Ok;
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
