using Hotline.Contracts.Grains;
using Orleans;
using Orleans.Runtime;

namespace Hotline.Api.Desks;

/// <summary>
/// References to ticket grains for the desks. Orleans' <c>GetGrain&lt;T&gt;(key)</c> works out the interface's grain
/// type again on every call (reading its attributes and formatting its name), about 2 % of a gRPC transition's server
/// CPU (load/RESULTS-grpc.md); the grain type and interface type are the same for every ticket, so they are resolved
/// once and each reference is made from its id.
/// </summary>
internal sealed class TicketGrains(IGrainFactory grains)
{
    private Resolved? _resolved;

    public ITicketGrain Get(string ticketId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticketId);
        var resolved = _resolved ??= Resolve();
        return (ITicketGrain)grains.GetGrain(GrainId.Create(resolved.Type, ticketId), resolved.Interface);
    }

    // Any key will do: only the reference's types are kept. Racing callers resolve the same types.
    private Resolved Resolve()
    {
        var reference = (GrainReference)grains.GetGrain<ITicketGrain>("-");
        return new Resolved(reference.GrainId.Type, reference.InterfaceType);
    }

    private sealed record Resolved(GrainType Type, GrainInterfaceType Interface);
}
