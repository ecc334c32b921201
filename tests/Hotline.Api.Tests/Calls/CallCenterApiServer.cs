using Hotline.Api.Calls;
using Hotline.Api.Tests.Calls.Fakes;
using Hotline.Api.Tests.Support;
using Hotline.Contracts.Tickets;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotline.Api.Tests.Calls;

/// <summary>
/// AgentDesk and Supervision on a real Kestrel server over the in-memory call center, call records and
/// ticket queries, with a temporary recordings directory and every log entry captured.
/// </summary>
internal sealed class CallCenterApiServer : IAsyncDisposable
{
    private CallCenterApiServer(string dataDirectory)
    {
        DataDirectory = dataDirectory;
    }

    public TestGrpcServer Server { get; private set; } = null!;

    public TestGrpcClient Client { get; private set; } = null!;

    /// <summary>A temporary directory; the recordings root is its "recordings" folder, and files outside it exist too.</summary>
    public string DataDirectory { get; }

    public string RecordingsDirectory => Path.Combine(DataDirectory, "recordings");

    public FakeCallCenter CallCenter { get; } = new();

    public InMemoryCallRecords CallRecords { get; } = new();

    public FakeSupervisorCalls SupervisorCalls { get; } = new();

    public FakeTicketQueries Tickets { get; } = new();

    public LogCapture Logs { get; } = new();

    /// <param name="withTelephony">False leaves ICallCenter and the CDR store unregistered, as in a host without telephony.</param>
    public static async Task<CallCenterApiServer> StartAsync(bool withTelephony = true)
    {
        var api = new CallCenterApiServer(Directory.CreateTempSubdirectory("hotline-callcenter-api-").FullName);
        Directory.CreateDirectory(api.RecordingsDirectory);
        api.Server = await TestGrpcServer.StartAsync(addServices: services =>
        {
            services.AddSingleton<ILoggerProvider>(api.Logs);
            services.AddSingleton<ITicketQueries>(api.Tickets);
            if (withTelephony)
            {
                services.AddSingleton<ICallCenter>(api.CallCenter);
                services.AddSingleton<IThreePartyCalls>(api.CallCenter);
                services.AddSingleton<IAgentCalls>(api.CallCenter);
                services.AddSingleton<IConsultations>(api.CallCenter);
                services.AddSingleton<ISupervisorCalls>(api.SupervisorCalls);
                services.AddSingleton<ICallDetailRecordStore>(api.CallRecords);
            }

            services.AddHotlineCallCenterApi(options => options.RecordingsDirectory = api.RecordingsDirectory);
        });
        api.Client = api.Server.CreateClient();
        return api;
    }

    public Task<GrpcResult> CallAsync(string service, string method, Google.Protobuf.IMessage request, string? token) =>
        Client.CallAsync($"/hotline.v1.{service}/{method}", request, token);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
