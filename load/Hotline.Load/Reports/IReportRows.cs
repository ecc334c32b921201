namespace Hotline.Load.Reports;

/// <summary>Where the generator's rows go: the store's own tables, one day per batch.</summary>
internal interface IReportRows : IAsyncDisposable
{
    void Call(string id, DateTimeOffset arrived, string disposition, string? queue, string? answeredBy, DateTimeOffset ended, string json);

    void Event(string ticketId, int version, string type, string actor, DateTimeOffset at, string json);

    /// <summary>Makes the day's rows durable.</summary>
    Task EndDayAsync();
}
