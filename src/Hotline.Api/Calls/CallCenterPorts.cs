using Grpc.Core;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Api.Calls;

/// <summary>
/// The telephony ports, looked up per call rather than injected: the services are registered (and listed
/// by reflection) whether or not the host composes telephony, and answer UNAVAILABLE while it does not.
/// </summary>
internal sealed class CallCenterPorts(IServiceProvider services)
{
    public ICallCenter CallCenter =>
        services.GetService<ICallCenter>()
        ?? throw new RpcException(new Status(StatusCode.Unavailable, "The call center is not running on this server (telephony is not configured)."));

    /// <summary>The host's cluster-wide agent commands when it wires them (<see cref="IAgentStateCommands"/>), else this host's call center.</summary>
    public IAgentStateCommands AgentStates =>
        services.GetService<IAgentStateCommands>() ?? new LocalAgentStateCommands(CallCenter);

    public IThreePartyCalls ThreePartyCalls =>
        services.GetService<IThreePartyCalls>()
        ?? throw new RpcException(new Status(StatusCode.Unavailable, "The call center is not running on this server (telephony is not configured)."));

    public IAgentCalls AgentCalls =>
        services.GetService<IAgentCalls>()
        ?? throw new RpcException(new Status(StatusCode.Unavailable, "The call center is not running on this server (telephony is not configured)."));

    public IConsultations Consultations =>
        services.GetService<IConsultations>()
        ?? throw new RpcException(new Status(StatusCode.Unavailable, "The call center is not running on this server (telephony is not configured)."));

    public ISupervisorCalls SupervisorCalls =>
        services.GetService<ISupervisorCalls>()
        ?? throw new RpcException(new Status(StatusCode.Unavailable, "The call center is not running on this server (telephony is not configured)."));

    public ICallDetailRecordStore CallRecords =>
        services.GetService<ICallDetailRecordStore>()
        ?? throw new RpcException(new Status(StatusCode.Unavailable, "Call records are not kept on this server (telephony is not configured)."));

    public Contracts.Scheduling.IScheduledJobs ScheduledJobs =>
        services.GetService<Contracts.Scheduling.IScheduledJobs>()
        ?? throw new RpcException(new Status(StatusCode.Unavailable, "Scheduled jobs are not kept on this server."));

    public Contracts.Tickets.ITicketFeed TicketFeed =>
        services.GetService<Contracts.Tickets.ITicketFeed>()
        ?? throw new RpcException(new Status(StatusCode.Unavailable, "Ticket feeds are not kept on this server."));

    public Contracts.Reports.IReportSource Reports =>
        services.GetService<Contracts.Reports.IReportSource>()
        ?? throw new RpcException(new Status(StatusCode.Unavailable, "Reports are not computed on this server."));
}
