namespace Hotline.Silo.Scheduling;

/// <summary>How one return-visit call ended; <paramref name="Detail"/> is the new call's id when reached, else the reason.</summary>
internal sealed record ReturnVisitOutcome(bool Reached, string Detail);
