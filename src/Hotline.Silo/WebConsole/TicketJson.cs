using Hotline.Contracts.Tickets;
using Hotline.Search.Engine;

namespace Hotline.Silo.WebConsole;

/// <summary>The JSON shapes the console's scripts read. Text goes out as text: the scripts set it with textContent, never as HTML.</summary>
internal static class TicketJson
{
    public static object From(TicketView t) => new
    {
        id = t.Id,
        state = t.State.ToString(),
        stateLabel = ConsoleLabels.State(t.State),
        callerPhone = t.CallerPhone,
        callerName = t.CallerName,
        category = ConsoleLabels.Category(t.Category),
        district = t.District,
        address = t.Address,
        content = t.Content,
        urgency = ConsoleLabels.Urgency(t.Urgency),
        leadDepartmentId = t.LeadDepartmentId,
        leadDepartmentName = t.LeadDepartmentName,
        signDeadline = t.SignDeadline,
        signStatus = ConsoleLabels.Deadline(t.SignStatus),
        handleDeadline = t.HandleDeadline,
        handleStatus = ConsoleLabels.Deadline(t.HandleStatus),
        late = t.SignStatus == DeadlineStatus.Overdue || t.HandleStatus == DeadlineStatus.Overdue,
        near = t.SignStatus == DeadlineStatus.Warning || t.HandleStatus == DeadlineStatus.Warning,
        createdAt = t.CreatedAt,
        updatedAt = t.UpdatedAt,
    };

    /// <summary>Highlighted text as segments (<c>{ text, hit }</c>); the script wraps hits in &lt;mark&gt; elements it creates.</summary>
    public static object[] Segments(HighlightedText text)
    {
        var segments = new List<object>();
        var at = 0;
        foreach (var range in text.Highlights.OrderBy(r => r.Start))
        {
            if (range.Start < at || range.Start + range.Length > text.Text.Length)
            {
                continue;
            }

            if (range.Start > at)
            {
                segments.Add(new { text = text.Text[at..range.Start], hit = false });
            }

            segments.Add(new { text = text.Text.Substring(range.Start, range.Length), hit = true });
            at = range.Start + range.Length;
        }

        if (at < text.Text.Length)
        {
            segments.Add(new { text = text.Text[at..], hit = false });
        }

        return [.. segments];
    }
}
