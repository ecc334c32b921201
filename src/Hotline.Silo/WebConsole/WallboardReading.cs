using Hotline.Contracts.Tickets;

namespace Hotline.Silo.WebConsole;

/// <summary>One read of the stores for the wallboard.</summary>
/// <param name="Calls">Today's call figures.</param>
/// <param name="Late">Open tickets near or past a deadline, most urgent first.</param>
/// <param name="Decisions">Tickets waiting on a supervisor: a pending extension, a return, a designation, a reply to review.</param>
internal sealed record WallboardReading(CallFigures Calls, IReadOnlyList<TicketView> Late, IReadOnlyList<TicketView> Decisions);
