namespace Hotline.Telephony.Media;

/// <summary>Media settings, bound from the <c>Media</c> configuration section.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Lowest UDP port for RTP legs (inclusive).</summary>
    public int PortMin { get; set; } = 20000;

    /// <summary>Highest UDP port for RTP legs (inclusive).</summary>
    public int PortMax { get; set; } = 29999;

    /// <summary>Address the RTP sockets bind to and that SDP advertises.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Threads that receive and forward relay packets through epoll on Linux; 0 uses one async receive
    /// per leg instead (also the fallback elsewhere). Default: one per core.
    /// </summary>
    public int RelayThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Whether the epoll threads send what they relay through io_uring, one system call for a whole pass
    /// over the ready legs, where the kernel allows it (Linux 5.18+); false, or where it is unavailable:
    /// one sendmmsg per leg.
    /// </summary>
    public bool RelaySendRing { get; set; } = true;

    /// <summary>Root of the data directory; recordings go under <c>recordings/yyyy/MM/dd</c> below it.</summary>
    public string DataDirectory { get; set; } = "data";
}
