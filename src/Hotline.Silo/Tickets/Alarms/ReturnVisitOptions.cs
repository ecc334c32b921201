using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Tickets.Alarms;

/// <summary>Return visits (回访, 一件一回访), bound from section "ReturnVisit".</summary>
internal sealed class ReturnVisitOptions
{
    public const string SectionName = "ReturnVisit";

    /// <summary>How long after the reply is approved (or the ticket resolved on the spot) the first call is placed.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromDays(1);

    public int Attempts { get; set; } = 3;

    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// "agent": the edge calls the citizen through the trunk and queues the answered call for a callback agent,
    /// who asks the survey and records it; "automated": the edge plays the survey and records the key pressed;
    /// "off": no automatic visit (agents call from their own lists).
    /// </summary>
    public string Mode { get; set; } = "agent";

    /// <summary>Mode per category (ReturnVisit:Modes:Complaint=off), overriding <see cref="Mode"/>.</summary>
    public Dictionary<Category, string> Modes { get; set; } = [];

    /// <summary>The agent queue answered return-visit calls join.</summary>
    public string QueueId { get; set; } = "general";

    /// <summary>The scheduler calls this category's citizens (agent or automated mode).</summary>
    public bool Automatic(Category category) => ModeOf(category) is "agent" or "automated";

    /// <summary>The edge asks this category's survey itself.</summary>
    public bool Automated(Category category) => ModeOf(category) == "automated";

    private string ModeOf(Category category) => (Modes.TryGetValue(category, out var mode) ? mode : Mode).Trim().ToLowerInvariant();
}
