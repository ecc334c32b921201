namespace Hotline.Silo.Scheduling;

/// <summary>What one sweep did: tickets found due, alarms issued, tickets whose grain call failed (retried next pass).</summary>
internal sealed record SweepResult(int Tickets, int Alarms, int Failed);
