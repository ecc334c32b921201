using System.Text;

namespace Hotline.Silo.Storage.Postgres;

/// <summary>
/// The text of a commit announcement: "sender:id,id,…". PostgreSQL caps a NOTIFY payload below 8000 bytes,
/// so a large batch is announced in several payloads.
/// </summary>
internal static class CommitAnnouncement
{
    private const int MaxPayloadBytes = 7000;

    public static List<string> Payloads(string sender, IReadOnlyList<string> ticketIds)
    {
        var payloads = new List<string>();
        var text = new StringBuilder(sender).Append(':');
        var empty = text.Length;
        foreach (var id in ticketIds)
        {
            if (text.Length > empty && Encoding.UTF8.GetByteCount(text.ToString()) + Encoding.UTF8.GetByteCount(id) + 1 > MaxPayloadBytes)
            {
                payloads.Add(text.ToString(0, text.Length - 1));
                text.Length = empty;
            }

            text.Append(id).Append(',');
        }

        if (text.Length > empty)
        {
            payloads.Add(text.ToString(0, text.Length - 1));
        }

        return payloads;
    }

    /// <summary>Splits a payload; false when it is not an announcement this version understands.</summary>
    public static bool TryParse(string payload, out string sender, out string[] ticketIds)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        sender = colon > 0 ? payload[..colon] : "";
        ticketIds = colon > 0 ? payload[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
        return colon > 0;
    }
}
