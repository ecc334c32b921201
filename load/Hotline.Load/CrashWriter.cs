using Hotline.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Load;

/// <summary>
/// "crash-writer" mode, the victim of the kill -9 durability test: 16 clients commit as fast as they
/// can and print "ACK ticket version" after each acknowledged commit, until killed (or after the
/// --seconds limit, so it never runs forever). Every third commit goes out together with a loser: a
/// commit of the same ticket on the version just superseded, with an event of type "stale", which the
/// group commit must refuse alone ("REFUSED ticket version"; "STALE-APPLIED …" if it ever applied).
/// Storage settings come as --Storage:…/--DataDir=… arguments.
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
                var stale = commit.ExpectedVersion >= 1 && commit.NewVersion % 3 == 0 ? Stale(commit) : null;
                var applying = store.CommitAsync(commit, CancellationToken.None);
                var staleApplying = stale is null ? null : store.CommitAsync(stale, CancellationToken.None);
                if (await applying)
                {
                    ticket.Applied(commit);
                    Print($"ACK {commit.TicketId} {commit.NewVersion}");
                }

                if (staleApplying is not null)
                {
                    Print(await staleApplying ? $"STALE-APPLIED {stale!.TicketId} {stale.NewVersion}" : $"REFUSED {stale!.TicketId} {stale.NewVersion}");
                }
            }
        })));
        return 0;

        void Print(string line)
        {
            lock (gate)
            {
                output.WriteLine(line);
                output.Flush();
            }
        }
    }

    /// <summary>A commit decided on the version before <paramref name="commit"/>'s: it must lose to it.</summary>
    private static TicketCommit Stale(TicketCommit commit)
    {
        var expected = commit.ExpectedVersion - 1;
        var at = commit.Events[0].At;
        return commit with
        {
            ExpectedVersion = expected,
            NewVersion = expected + 1,
            Events = [new StoredEvent(expected + 1, "stale", "agent:loser", at, "{}")],
            Feed = [],
        };
    }
}
