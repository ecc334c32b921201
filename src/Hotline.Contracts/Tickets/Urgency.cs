namespace Hotline.Contracts.Tickets;

/// <summary>How fast a ticket must be signed for and handled.</summary>
[GenerateSerializer]
public enum Urgency
{
    /// <summary>Ordinary: deadlines in working days.</summary>
    Normal,

    /// <summary>A water, power, gas or heating outage (水电气热): deadlines in calendar time.</summary>
    Utility,

    /// <summary>Life or property at risk: the shortest calendar-time deadlines.</summary>
    Emergency,
}
