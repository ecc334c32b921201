namespace Hotline.Silo.Reports;

/// <summary>What one ticket contributes to reports: its breakdown keys and its counter increments.</summary>
/// <param name="Agent">The staff id that created the ticket (the agent breakdown), empty when not created by staff.</param>
internal sealed record TicketFacts(string Category, string District, string Agent, IReadOnlyList<ReportFact> Facts);
