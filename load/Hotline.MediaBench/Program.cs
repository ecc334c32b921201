using Hotline.MediaBench;

// Two processes so the relay's CPU is measured apart from the traffic generator's:
// `serve` hosts N relayed, recorded calls; the default role generates RTP and measures.
if (args.Length > 0 && args[0] == "serve")
{
    return await RelayHost.RunAsync(BenchOptions.Parse(args[1..]), Console.In, Console.Out);
}

return await TrafficGenerator.RunAsync(BenchOptions.Parse(args));
