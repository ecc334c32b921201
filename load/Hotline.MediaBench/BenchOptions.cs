using System.Globalization;

namespace Hotline.MediaBench;

/// <summary>Command line: --calls N --seconds S --port-min P --no-record --data DIR.</summary>
internal sealed record BenchOptions(int Calls, int Seconds, int PortMin, bool Record, string DataDirectory)
{
    public static BenchOptions Parse(string[] args)
    {
        int calls = 260, seconds = 15, portMin = 20000;
        bool record = true;
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
                case "--data":
                    data = args[++i];
                    break;
                default:
                    break;
            }
        }

        return new BenchOptions(calls, seconds, portMin, record, data);
    }

    public string ToArguments() => string.Create(
        CultureInfo.InvariantCulture,
        $"--calls {Calls} --seconds {Seconds} --port-min {PortMin} {(Record ? string.Empty : "--no-record")} --data \"{DataDirectory}\"");
}
