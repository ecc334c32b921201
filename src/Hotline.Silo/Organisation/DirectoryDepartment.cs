namespace Hotline.Silo.Organisation;

/// <summary>
/// A department as the organisation directory keeps it. Tickets see the narrower
/// <see cref="Hotline.Contracts.Organisation.Department"/> (id, name, handling limit).
/// </summary>
/// <param name="Kind">One of <see cref="DepartmentKinds.All"/>: municipal, district, street, utility, other.</param>
/// <param name="ParentId">The department it belongs to (a street office's district government), or null.</param>
/// <param name="Responsibilities">Duties (职责) as free text; the dispatch advisor matches tickets against them.</param>
/// <param name="Keywords">Words that point a ticket at this department, for the dispatch advisor.</param>
/// <param name="HandleWorkingDays">Working days a normal ticket may take from dispatch to reply.</param>
/// <param name="DutyPhone">The number a three-party call may add, or null.</param>
/// <param name="Active">False once disabled: no new dispatches, never suggested; history stays readable.</param>
internal sealed record DirectoryDepartment(
    string Id,
    string Name,
    string Kind,
    string? ParentId,
    string Responsibilities,
    IReadOnlyList<string> Keywords,
    int HandleWorkingDays,
    string? DutyPhone,
    bool Active = true)
{
    /// <summary>Same content, field by field (records compare lists by reference).</summary>
    public bool SameAs(DirectoryDepartment other) =>
        this with { Keywords = [] } == other with { Keywords = [] } && Keywords.SequenceEqual(other.Keywords, StringComparer.Ordinal);
}
