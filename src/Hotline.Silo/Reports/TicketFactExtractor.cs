using System.Text.Json;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Reports;

/// <summary>
/// Reads one ticket's history (流转记录) into report facts. Pure: the same events always give the same facts.
/// Each fact is dated by the event that caused it, so a day's facts never change once the day is over.
/// Firsts keep repeats out: a ticket is dispatched, claimed, returned, extended, replied and closed at most
/// once for the hotline (<see cref="ReportScope.Ticket"/>) and at most once per department
/// (<see cref="ReportScope.Department"/>), however often it was returned or reopened.
/// </summary>
internal static class TicketFactExtractor
{
    /// <summary>The facts of a history that starts with its "created" event; null for an empty or headless history.</summary>
    public static TicketFacts? Extract(IReadOnlyList<StoredEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0 || history[0].Type != "created")
        {
            return null;
        }

        string category;
        string district;
        using (var created = JsonDocument.Parse(history[0].DataJson))
        {
            category = Text(created.RootElement, "category") ?? "";
            district = Text(created.RootElement, "district") ?? "";
        }

        var walk = new TicketFactWalk();
        foreach (var stored in history)
        {
            using var data = JsonDocument.Parse(stored.DataJson);
            walk.Apply(stored.Type, stored.At, data.RootElement);
        }

        var actor = history[0].Actor;
        var agent = actor.StartsWith("staff:", StringComparison.Ordinal) ? actor["staff:".Length..] : "";
        return new TicketFacts(category, district, agent, walk.Facts);
    }

    internal static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    internal static DateTimeOffset? Due(JsonElement element, string deadline) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(deadline, out var value) && value.ValueKind == JsonValueKind.Object
            && Text(value, "due") is { } due && DateTimeOffset.TryParse(due, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;

    /// <summary>Enum names as stored ("AwaitingCallback", "AWAITING_CALLBACK" or "awaiting_callback").</summary>
    internal static bool Is<TEnum>(string? stored, TEnum expected)
        where TEnum : struct, Enum =>
        stored is not null && Enum.TryParse<TEnum>(stored.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var value)
            && EqualityComparer<TEnum>.Default.Equals(value, expected);

    internal static bool IsSatisfied(string? satisfaction) =>
        Is(satisfaction, Satisfaction.Satisfied) || Is(satisfaction, Satisfaction.BasicallySatisfied);
}
