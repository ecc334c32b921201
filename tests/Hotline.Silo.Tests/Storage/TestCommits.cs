using System.Text.Json;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Tests.Storage;

/// <summary>Builds well-formed commits the way the ticket grain does: state JSON, index, one event per version.</summary>
internal static class TestCommits
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    public static TicketCommit Create(
        string ticketId,
        string state = "CREATED",
        string phone = "13800001234",
        string district = "Xuhui",
        DateTimeOffset? createdAt = null,
        string[]? departments = null,
        FeedNotice[]? feed = null) =>
        Next(ticketId, 0, state, phone, district, createdAt ?? T0, departments, feed, "created");

    public static TicketCommit Next(
        string ticketId,
        long expectedVersion,
        string state,
        string phone = "13800001234",
        string district = "Xuhui",
        DateTimeOffset? createdAt = null,
        string[]? departments = null,
        FeedNotice[]? feed = null,
        string eventType = "changed",
        string actor = "agent:a1")
    {
        var created = createdAt ?? T0;
        var at = created.AddMinutes(expectedVersion);
        var newVersion = expectedVersion + 1;
        var stateJson = JsonSerializer.Serialize(new { id = ticketId, state, version = newVersion, phone, district, note = $"by {actor}" });
        var data = JsonSerializer.Serialize(new { reason = $"{eventType} at v{newVersion}" });
        return new TicketCommit(
            ticketId,
            expectedVersion,
            newVersion,
            stateJson,
            new TicketIndex(state, departments ?? [], phone, district, created, at),
            [new StoredEvent(newVersion, eventType, actor, at, data)],
            feed ?? []);
    }

    public static FeedNotice Dispatched(string departmentId, string ticketId) =>
        new(departmentId, "dispatched", JsonSerializer.Serialize(new { ticket_id = ticketId, department_id = departmentId }));
}
