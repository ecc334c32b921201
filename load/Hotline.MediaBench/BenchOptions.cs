using System.Globalization;

namespace Hotline.MediaBench;

/// <summary>Command line: --calls N --seconds S --port-min P --relay-threads T (0: async receives) --no-record --inline --data DIR.</summary>
/// <param name="InlineCompletions">Run the relay with DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1: socket
/// continuations run on the epoll thread instead of hopping to the thread pool.</param>
internal sealed record BenchOptions(int Calls, int Seconds, int PortMin, bool Record, bool InlineCompletions, int RelayThreads, string DataDirectory)
{
    public static BenchOptions Parse(string[] args)
    {
        int calls = 260, seconds = 15, portMin = 20000;
        bool record = true, inline = false;
        int relayThreads = Environment.ProcessorCount;
        string data = Path.Combine(Path.GetTempPath(), "hotline-mediabench");
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--calls":
                    calls = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seconds":
                    seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--port-min":
                    portMin = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--no-record":
                    record = false;
                    break;
                case "--relay-threads":
                    relayThreads = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--inline":
                    inline = true;
                    break;
                case "--data":
                    data = args[++i];
                    break;
                default:
                    break;
            }
        }

        return new BenchOptions(calls, seconds, portMin, record, inline, relayThreads, data);
    }

    public string ToArguments() => string.Create(
        CultureInfo.InvariantCulture,
        $"--calls {Calls} --seconds {Seconds} --port-min {PortMin} --relay-threads {RelayThreads} {(Record ? string.Empty : "--no-record")} --data \"{DataDirectory}\"");
}
