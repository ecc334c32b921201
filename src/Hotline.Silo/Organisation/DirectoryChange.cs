namespace Hotline.Silo.Organisation;

/// <summary>One audited change of the directory: who, when, why, and the record before and after (JSON).</summary>
/// <param name="Subject">"department", "district" or "category".</param>
/// <param name="Action">"add", "update", "disable", "remove".</param>
/// <param name="Before">The record before the change, null when it was added.</param>
/// <param name="After">The record after the change, null when it was removed.</param>
internal sealed record DirectoryChange(
    long Sequence,
    string Subject,
    string SubjectId,
    string Action,
    string Actor,
    DateTimeOffset At,
    string Reason,
    string? Before,
    string? After);
