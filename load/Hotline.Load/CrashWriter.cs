using Hotline.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Load;

/// <summary>
/// "crash-writer" mode, the victim of the kill -9 durability test: 16 clients commit as fast as they
/// can and print "ACK ticket version" after each acknowledged commit, until killed (or after the
/// --seconds limit, so it never runs forever). Storage settings come as --Storage:…/--DataDir=… arguments.
/// </summary>
internal static class CrashWriter
{
    private const int Clients = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();
        var limit = TimeSpan.FromSeconds(double.TryParse(configuration["seconds"], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 60);
        await using var services = new ServiceCollection().AddLogging().AddHotlineStorage(configuration).BuildServiceProvider();
        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        var store = services.GetRequiredService<ITicketStore>();
        var output = Console.Out;
        var gate = new object();
        using var stop = new CancellationTokenSource(limit);

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var ticket = new SimulatedTicket(c);
            while (!stop.IsCancellationRequested)
            {
                var commit = ticket.NextCommit();
                if (await store.CommitAsync(commit, CancellationToken.None))
                {
                    ticket.Applied(commit);
                    lock (gate)
                    {
                        output.WriteLine($"ACK {commit.TicketId} {commit.NewVersion}");
                        output.Flush();
                    }
                }
            }
        })));
        return 0;
    }
}
