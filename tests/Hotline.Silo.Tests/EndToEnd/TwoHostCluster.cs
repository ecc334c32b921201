namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>Two host processes on the same settings (one cluster on PostgreSQL), with desk tokens and a caller for each.</summary>
internal sealed class TwoHostCluster : IAsyncDisposable
{
    private readonly GrpcTestClient _clientA;
    private readonly GrpcTestClient _clientB;

    private TwoHostCluster(HostProcess hostA, HostProcess hostB, DeskTokens tokens)
    {
        HostA = hostA;
        HostB = hostB;
        _clientA = new GrpcTestClient(hostA.GrpcAddress);
        _clientB = new GrpcTestClient(hostB.GrpcAddress);
        A = new DeskCaller(_clientA, tokens);
        B = new DeskCaller(_clientB, tokens);
    }

    public HostProcess HostA { get; }

    public HostProcess HostB { get; }

    public DeskCaller A { get; }

    public DeskCaller B { get; }

    public static async Task<TwoHostCluster> StartAsync(HostSettingsArgs settings)
    {
        var hostA = await HostProcess.StartAsync(settings);
        HostProcess? hostB = null;
        try
        {
            hostB = await HostProcess.StartAsync(settings);
            return new TwoHostCluster(hostA, hostB, await DeskTokens.IssueAsync(settings));
        }
        catch
        {
            await hostA.DisposeAsync();
            if (hostB is not null)
            {
                await hostB.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _clientA.Dispose();
        _clientB.Dispose();
        await HostA.DisposeAsync();
        await HostB.DisposeAsync();
    }
}
