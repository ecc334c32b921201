using System.Diagnostics;

namespace Hotline.Silo.Tests.Storage;

/// <summary>
/// kill -9 while commits are in flight: every commit the writer process acknowledged must be in the
/// database afterwards, and none of the losers it sends alongside (commits on a superseded version, which
/// share batches with the winners) was ever applied. The victim is Hotline.Load's crash-writer mode, a separate process.
/// </summary>
public abstract class CrashDurabilityTests
{
    private const int AcksBeforeKill = 400;

    private protected abstract Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync();

    [Fact]
    public async Task CommitAsync_ProcessKilled_EveryAcknowledgedCommitSurvives()
    {
        var settings = await CreateDatabaseAsync();
        var acknowledged = new Dictionary<string, long>(StringComparer.Ordinal);
        var refused = 0;
        var staleApplied = new List<string>();

        using (var victim = StartWriter(settings))
        {
            try
            {
                while (acknowledged.Count < AcksBeforeKill && await victim.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
                {
                    var parts = line.Split(' ');
                    switch (parts)
                    {
                        case ["ACK", var id, var version]:
                            acknowledged[id] = long.Parse(version, System.Globalization.CultureInfo.InvariantCulture);
                            break;
                        case ["REFUSED", _, _]:
                            refused++;
                            break;
                        case ["STALE-APPLIED", _, _]:
                            staleApplied.Add(line);
                            break;
                    }
                }
            }
            finally
            {
                victim.Kill();
                await victim.WaitForExitAsync();
            }
        }

        Assert.Equal(AcksBeforeKill, acknowledged.Count);
        Assert.Empty(staleApplied);
        Assert.True(refused > 0, "the writer sent no losers before it was killed");
        await using var store = await StorageInstance.StartAsync(settings);
        foreach (var (id, version) in acknowledged)
        {
            var ticket = await store.Tickets.LoadAsync(id, default);
            Assert.True(ticket is not null && ticket.Version >= version, $"acknowledged {id} v{version} is lost (stored: {ticket?.Version})");
            var history = await store.Tickets.ReadHistoryAsync(id, default);
            Assert.Equal(ticket!.Version, history.Count);
            Assert.DoesNotContain(history, e => e.Type == "stale");
        }
    }

    private static Process StartWriter(IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Hotline.Load.dll"));
        start.ArgumentList.Add("crash-writer");
        start.ArgumentList.Add("--seconds=120");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the crash writer.");
    }
}
