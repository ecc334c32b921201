using System.Globalization;
using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage.Sql;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// Where a ListScheduledJobs page stopped: the last ticket touched (its next-alarm time and id) and how many
/// of its jobs were already returned. Bound to the request's filters, so a token replayed with others is refused.
/// </summary>
internal sealed record ScheduledJobToken(DateTimeOffset At, string TicketId, int Taken)
{
    private const string Version = "sj1";

    public string Encode(string scope) =>
        KeysetToken.Encode(Version, At.UtcTicks, string.Create(CultureInfo.InvariantCulture, $"{Taken}:{TicketId}"), scope);

    public static ScheduledJobToken Decode(string text, string scope)
    {
        if (KeysetToken.TryDecode(text, Version, scope, out var ticks, out var id) == KeysetTokenStatus.Valid)
        {
            var colon = id.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && int.TryParse(id.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var taken) && colon < id.Length - 1)
            {
                return new ScheduledJobToken(new DateTimeOffset(ticks, TimeSpan.Zero), id[(colon + 1)..], taken);
            }
        }

        throw TicketRefusedException.Invalid("page_token", "is malformed or was issued for other filters; repeat the same filters, or start without a token");
    }

    public static string Scope(ScheduledJobQuery query) => KeysetToken.Scope(
        query.TicketId ?? "",
        query.Kind?.ToString() ?? "",
        query.From?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "",
        query.To?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "");
}
