using System.Text.Json.Serialization;

namespace Hotline.Silo.Tickets.Events;

/// <summary>
/// Something that happened to a ticket; its history (流转记录) is the list of these. Who and when travel
/// beside the event (see <see cref="TicketChange"/>), so events hold only what the transition decided.
/// </summary>
internal abstract record TicketEvent
{
    /// <summary>The history entry's type, snake_case, e.g. "dispatched".</summary>
    [JsonIgnore]
    public abstract string Type { get; }
}
