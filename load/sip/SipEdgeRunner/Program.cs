using System.Globalization;
using Hotline.Telephony;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Starts the SIP edge and the call centre behind it (AddHotlineTelephony, in-memory stores) for load runs:
// `SipEdgeRunner <port> <agents>`; agents 10000… get password "pw<id>". HOTLINE_-prefixed environment
// variables add or override settings (HOTLINE_Acd__ReadyOnRegister=true); HOTLINE_Metrics__Port serves
// /metrics. Prints "ready" once listening and runs until stdin closes. `SipEdgeRunner bench [n]` instead prints the
// CPU cost per pipeline stage (see PipelineBenchmark).
if (args is ["bench", ..])
{
    Hotline.Load.Sip.PipelineBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20000);
    return;
}
var port = args.Length > 0 ? args[0] : "15060";
var agents = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var settings = new Dictionary<string, string?>
{
    ["Sip:Port"] = port,
    ["Sip:Bind"] = "127.0.0.1",
    ["Sip:Domain"] = "hotline.local",
};
for (var i = 0; i < agents; i++)
{
    var id = (10000 + i).ToString(CultureInfo.InvariantCulture);
    settings[$"Registrar:Agents:{i}:AgentId"] = id;
    settings[$"Registrar:Agents:{i}:Password"] = "pw" + id;
}
var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).AddEnvironmentVariables("HOTLINE_").Build();
await using var provider = new ServiceCollection()
    .AddLogging(builder => builder.SetMinimumLevel(LogLevel.Warning))
    .AddHotlineTelephony(configuration)
    .BuildServiceProvider();
await using var metrics = configuration["Metrics:Port"] is { Length: > 0 } metricsPort
    ? new Hotline.Load.Sip.MetricsEndpoint(int.Parse(metricsPort, CultureInfo.InvariantCulture))
    : null;
var hosted = provider.GetServices<IHostedService>().ToList();
foreach (var service in hosted)
{
    await service.StartAsync(CancellationToken.None);
}
Console.WriteLine("ready");
await Console.In.ReadToEndAsync();
foreach (var service in hosted)
{
    await service.StopAsync(CancellationToken.None);
}
