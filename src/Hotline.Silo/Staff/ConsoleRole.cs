namespace Hotline.Silo.Staff;

/// <summary>
/// What a staff account may do in the web console. Agents, supervisors and editors act as hotline staff
/// (<see cref="Hotline.Contracts.Security.StaffRole"/>); a liaison acts for its department only.
/// </summary>
internal enum ConsoleRole
{
    Agent,
    Supervisor,
    Editor,
    Liaison,
}
