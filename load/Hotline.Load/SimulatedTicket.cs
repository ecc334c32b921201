using System.Text.Json;
using Hotline.Silo.Storage;

namespace Hotline.Load;

/// <summary>One client's current ticket, walked through a lifecycle-like sequence of versions; a new ticket every 12 commits.</summary>
internal sealed class SimulatedTicket(int client)
{
    private const int CommitsPerTicket = 12;
    private static readonly string[] States = ["CREATED", "DISPATCHED", "CLAIMED", "REPLIED", "AWAITING_CALLBACK", "CLOSED"];
    private static readonly string Content = string.Concat(Enumerable.Repeat("Residents report the street lights on Jianguo Road have been off for three nights; 小区门口路灯不亮. ", 9));
    private static readonly DateTimeOffset Epoch = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private int _serial;
    private string _id = "";
    private long _version = CommitsPerTicket;

    public TicketCommit NextCommit()
    {
        if (_version >= CommitsPerTicket)
        {
            _id = $"L{client:D3}-{++_serial:D6}-{Guid.NewGuid():N}"[..24];
            _version = 0;
        }

        var newVersion = _version + 1;
        var state = States[(int)(newVersion % States.Length)];
        var department = $"D{client % 20:D2}";
        var at = Epoch.AddSeconds((_serial * CommitsPerTicket) + newVersion);
        var stateJson = JsonSerializer.Serialize(new
        {
            id = _id,
            version = newVersion,
            state,
            caller_phone = "13800138000",
            caller_name = "张先生",
            category = "求助",
            district = "Xuhui",
            address = "Jianguo Road 123",
            urgency = "NORMAL",
            content = Content,
            departments = new[] { department },
        });
        var feed = newVersion % 4 == 2
            ? new[] { new FeedNotice(department, "dispatched", JsonSerializer.Serialize(new { ticket_id = _id, caller_phone = "138****8000", state })) }
            : [];
        return new TicketCommit(
            _id,
            _version,
            newVersion,
            stateJson,
            new TicketIndex(state, [department], "13800138000", "Xuhui", Epoch.AddSeconds(_serial * CommitsPerTicket), at),
            [new StoredEvent(newVersion, state.ToLowerInvariant(), $"agent:{client}", at, JsonSerializer.Serialize(new { reason = "benchmark transition" }))],
            feed);
    }

    public void Applied(TicketCommit commit) => _version = commit.NewVersion;
}
