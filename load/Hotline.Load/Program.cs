using Hotline.Load;

// Each mode is its own class; add new modes (e.g. "grpc") to this table.
var modes = new Dictionary<string, Func<LoadArguments, Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["storage"] = StorageBenchmark.RunAsync,
};

if (args is ["crash-writer", ..])
{
    return await CrashWriter.RunAsync(args[1..]);
}

if (args.Length == 0 || !modes.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Hotline.Load <{string.Join('|', modes.Keys)}> [--clients 64] [--seconds 10] [--warmup 2] [--providers sqlite,postgres] [--pg <connection string>]");
    return 2;
}

try
{
    return await run(LoadArguments.Parse(args.AsSpan(1)));
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
