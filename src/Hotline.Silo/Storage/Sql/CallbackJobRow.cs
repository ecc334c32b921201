namespace Hotline.Silo.Storage.Sql;

/// <summary>A pending callback request as a scheduled job: when it is due, how often it was tried, whether a supervisor moved it.</summary>
internal sealed record CallbackJobRow(string CallId, DateTimeOffset DueAt, int Attempts, bool Rescheduled);
