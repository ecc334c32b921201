using Hotline.Telephony.Acd;

namespace Hotline.Telephony.Calls;

/// <summary>The "Calls" configuration section: queues, numbers, priority callers.</summary>
public sealed class CallCenterOptions
{
    public const string SectionName = "Calls";

    /// <summary>
    /// The ACD queues (Calls:Queues:0:Id, :Skill, :RingTimeout, :WrapUp, :MaxWait, …). Left empty, the four
    /// queues of the default menu: general, utilities, business and english, each needing the skill of its name.
    /// </summary>
    public List<AcdQueueOptions> Queues { get; set; } = [];

    /// <summary>Hotline numbers that lead straight to a queue without the menu (number → queue id).</summary>
    public Dictionary<string, string> NumberQueues { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Callers who skip the menu and queue with priority (适老化一键转人工: the elderly, registered disabled callers).</summary>
    public List<string> PriorityCallers { get; set; } = [];

    /// <summary>Handling departments' numbers an agent may add to a call (三方通话); nothing else is dialled.</summary>
    public List<string> DepartmentNumbers { get; set; } = [];

    /// <summary>
    /// Numbers agents may dial out through the trunk (regular expressions matched against the whole number,
    /// digits only). Left empty, <see cref="AgentDialPlan.DefaultPatterns"/>: local and mobile numbers.
    /// </summary>
    public List<string> AgentDialPatterns { get; set; } = [];

    /// <summary>Skills of an agent whose directory entry lists none: every agent can take general calls.</summary>
    public string DefaultSkill { get; set; } = "general";

    public IReadOnlyList<string> EffectiveAgentDialPatterns() => AgentDialPatterns.Count > 0 ? AgentDialPatterns : AgentDialPlan.DefaultPatterns;

    public IReadOnlyList<AcdQueueOptions> EffectiveQueues() => Queues.Count > 0
        ? Queues
        : new[] { "general", "utilities", "business", "english" }.Select(id => new AcdQueueOptions { Id = id, Skill = id }).ToList();
}
