namespace Hotline.Api.Pipeline;

/// <summary>Limits on long-lived server streams (WatchTickets), section <c>Grpc:Streams</c>.</summary>
public sealed class StreamOptions
{
    public const string SectionName = "Grpc:Streams";

    /// <summary>Streams one caller (a department, a staff member) may hold open at once; one more is RESOURCE_EXHAUSTED.</summary>
    public int MaxPerCaller { get; set; } = 8;

    /// <summary>
    /// How long one write may wait for a client that does not read (its HTTP/2 window and the server's
    /// buffer full) before the stream is cut off with RESOURCE_EXHAUSTED; the client resumes from its cursor.
    /// </summary>
    public TimeSpan SlowConsumerTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
