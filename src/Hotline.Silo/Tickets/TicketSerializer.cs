using System.Text.Json;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;
using Hotline.Silo.Tickets.Events;

namespace Hotline.Silo.Tickets;

/// <summary>JSON in and out of the store, through the source-generated <see cref="TicketJsonContext"/>.</summary>
internal static class TicketSerializer
{
    public static string Write(TicketGrainState state) => JsonSerializer.Serialize(state, TicketJsonContext.Default.TicketGrainState);

    public static string Write(TicketView view) => JsonSerializer.Serialize(view, TicketJsonContext.Default.TicketView);

    public static string Write(TicketEvent change) => JsonSerializer.Serialize(change, change.GetType(), TicketJsonContext.Default);

    /// <summary>The stored state; the stored version wins over the JSON's, as the store is what versions are checked against.</summary>
    public static TicketGrainState Read(StoredTicket stored)
    {
        var state = JsonSerializer.Deserialize(stored.StateJson, TicketJsonContext.Default.TicketGrainState)
            ?? throw new InvalidDataException($"ticket {stored.TicketId}: stored state is null");
        return state with { Version = stored.Version };
    }

    public static TicketView ReadView(string json) =>
        JsonSerializer.Deserialize(json, TicketJsonContext.Default.TicketView)
            ?? throw new InvalidDataException("feed payload is null");
}
