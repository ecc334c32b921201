using Hotline.Load;
using Hotline.Load.Grpc;
using Hotline.Load.Reports;

// Each mode is its own class with its own options.
var modes = new Dictionary<string, (string Usage, Func<string[], Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["storage"] = ("[--clients 64] [--seconds 10] [--warmup 2] [--providers sqlite,postgres] [--pg <connection string>]",
        a => StorageBenchmark.RunAsync(LoadArguments.Parse(a))),
    ["grpc"] = ("--target 127.0.0.1:PORT --agent-token T --supervisor-token T --department-tokens id=T,id=T [--label sqlite] [--clients 64] [--connections 4] [--seconds 20] [--warmup 3] [--server-pid PID]",
        a => GrpcBenchmark.RunAsync(GrpcLoadArguments.Parse(a))),
    ["reports"] = (ReportBenchmark.Usage, ReportBenchmark.RunAsync),
    ["scheduler"] = (Hotline.Load.Scheduling.SchedulerBenchmark.Usage, Hotline.Load.Scheduling.SchedulerBenchmark.RunAsync),
};

if (args is ["crash-writer", ..])
{
    return await CrashWriter.RunAsync(args[1..]);
}

if (args.Length == 0 || !modes.TryGetValue(args[0], out var mode))
{
    foreach (var (name, (usage, _)) in modes)
    {
        Console.Error.WriteLine($"usage: Hotline.Load {name} {usage}");
    }

    return 2;
}

try
{
    return await mode.Run(args[1..]);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
