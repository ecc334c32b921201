namespace Hotline.Silo.Tickets;

/// <summary>
/// Whether every host sharing the ticket store is a silo of one Orleans cluster (<c>Cluster:Provider=postgres</c>
/// on the store's database). Then a ticket has one activation in the whole deployment and may keep its state
/// between calls; otherwise, on a shared database, it reloads before each call.
/// </summary>
internal sealed record SingleActivation(bool AcrossHosts);
