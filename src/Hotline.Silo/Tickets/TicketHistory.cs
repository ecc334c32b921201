using System.Text.Json;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Tickets;

/// <summary>Maps stored events to history entries, lifting out the free text a desk shows in its reason column.</summary>
internal static class TicketHistory
{
    private static readonly string[] TextFields = ["reason", "answer", "reply", "note"];

    public static TicketHistoryEntry ToEntry(StoredEvent stored)
    {
        string? text = null;
        using (var document = JsonDocument.Parse(stored.DataJson))
        {
            foreach (var field in TextFields)
            {
                if (document.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    text = value.GetString();
                    break;
                }
            }
        }

        return new TicketHistoryEntry(stored.Version, stored.Type, stored.Actor, stored.At, text, stored.DataJson);
    }
}
