namespace Hotline.Contracts.Tickets;

/// <summary>The outcome of a callback (回访) to the citizen.</summary>
[GenerateSerializer]
public enum Satisfaction
{
    /// <summary>满意: the ticket closes.</summary>
    Satisfied,

    /// <summary>基本满意: the ticket closes.</summary>
    BasicallySatisfied,

    /// <summary>不满意: the ticket reopens and is dispatched again.</summary>
    Unsatisfied,

    /// <summary>联系不上: the ticket keeps waiting for a callback.</summary>
    Unreachable,
}
