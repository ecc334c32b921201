namespace Hotline.Contracts.Tickets;

/// <summary>What the citizen asks for.</summary>
[GenerateSerializer]
public enum Category
{
    /// <summary>咨询: a question.</summary>
    Consultation,

    /// <summary>求助: a request for help.</summary>
    Help,

    /// <summary>投诉: a complaint.</summary>
    Complaint,

    /// <summary>举报: a report of wrongdoing.</summary>
    Report,

    /// <summary>建议: a suggestion.</summary>
    Suggestion,

    /// <summary>表扬: praise.</summary>
    Praise,
}
