using Hotline.Contracts.Grains;
using Hotline.Contracts.Organisation;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Grains;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.Hosting;
using Hotline.Silo.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Tickets.Grain;

/// <summary>
/// One "host" of ticket grains composed as the server composes them (storage, runtime, ticket domain,
/// grains) on a SQLite file in a data directory, with a clock that moves only when told. Two of these
/// on one data directory are two hosts sharing a database.
/// </summary>
internal sealed class TicketGrainHost : IAsyncDisposable
{
    /// <summary>Monday 2026-11-23 10:00 in Shanghai, an ordinary working day.</summary>
    public static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly Caller Agent = new(CallerKind.Staff, "A01", StaffRole.Agent);
    public static readonly Caller Supervisor = new(CallerKind.Staff, "S01", StaffRole.Supervisor);
    public static readonly Caller D01 = new(CallerKind.Department, "D01", StaffRole.None);
    public static readonly Caller D02 = new(CallerKind.Department, "D02", StaffRole.None);
    public static readonly Caller D03 = new(CallerKind.Department, "D03", StaffRole.None);

    public static readonly IReadOnlyList<Department> Departments =
    [
        new("D01", "市住房和城乡建设局", 5),
        new("D02", "市城市管理局", 3),
        new("D03", "市市场监管委", 10),
    ];

    private readonly ServiceProvider _services;
    private readonly bool _ownsDataDir;

    private TicketGrainHost(ServiceProvider services, Fakes.FakeTimeProvider time, string dataDir, bool ownsDataDir)
    {
        _services = services;
        _ownsDataDir = ownsDataDir;
        Time = time;
        DataDir = dataDir;
        Runtime = services.GetRequiredService<GrainRuntime>();
        Grains = services.GetRequiredService<IGrainFactory>();
        Queries = services.GetRequiredService<ITicketQueries>();
        Feed = services.GetRequiredService<ITicketFeed>();
    }

    /// <summary>The timer-capable fake (Fakes), not the plain one of the Tickets tests: idle collection needs timers.</summary>
    public Fakes.FakeTimeProvider Time { get; }

    public string DataDir { get; }

    public GrainRuntime Runtime { get; }

    public IGrainFactory Grains { get; }

    public ITicketQueries Queries { get; }

    public ITicketFeed Feed { get; }

    /// <summary>Starts a host on <paramref name="dataDir"/> (a new temporary one when null) and seeds D01–D03.</summary>
    public static async Task<TicketGrainHost> StartAsync(string? dataDir = null, Fakes.FakeTimeProvider? time = null)
    {
        var ownsDataDir = dataDir is null;
        dataDir ??= RunningHost.NewDataDir();
        time ??= new Fakes.FakeTimeProvider(Monday10.ToUniversalTime());
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataDir"] = dataDir })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddHotlineStorage(configuration)
            .AddGrainRuntime(configuration)
            .AddTicketDomain(configuration)
            .AddGrain<ITicketGrain, TicketGrain>()
            .AddGrain<IDepartmentGrain, DepartmentGrain>()
            .BuildServiceProvider();
        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        var organisation = services.GetRequiredService<IOrganisationStore>();
        foreach (var department in Departments)
        {
            await organisation.UpsertDepartmentAsync(department, CancellationToken.None);
        }

        return new TicketGrainHost(services, time, dataDir, ownsDataDir);
    }

    public static CreateTicket NewTicket(Urgency urgency = Urgency.Normal, string phone = "13812341234", string district = "朝阳区") =>
        new(Agent, phone, "张三", Category.Complaint, district, "建国路1号", "楼道灯坏了三天", urgency);

    public ITicketGrain Ticket(string id) => Grains.GetGrain<ITicketGrain>(id);

    public Task<TicketView> CreateAsync(string id, Urgency urgency = Urgency.Normal, string phone = "13812341234", string district = "朝阳区") =>
        Ticket(id).CreateAsync(NewTicket(urgency, phone, district));

    public Task<TicketView> DispatchAsync(string id, string lead = "D01", params string[] assisting) =>
        Ticket(id).DispatchAsync(new DispatchTicket(Agent, lead, assisting, "请尽快处理"));

    /// <summary>Moves the clock to <paramref name="at"/>; idle activations may be collected on the way.</summary>
    public void AdvanceTo(DateTimeOffset at) => Time.Advance(at - Time.GetUtcNow());

    /// <summary>Waits for the ticket's activation to finish its turns, then passes the idle timeout so it is collected.</summary>
    public void Collect(string id)
    {
        var grain = new GrainId(typeof(ITicketGrain), id);
        Assert.True(SpinWait.SpinUntil(() => Runtime.IsIdle(grain), TimeSpan.FromSeconds(10)), $"{id} never went idle");
        Time.Advance(Runtime.IdleTimeout);
        Assert.True(SpinWait.SpinUntil(() => !Runtime.IsIdle(grain), TimeSpan.FromSeconds(10)), $"{id} was not collected");
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.ShutdownAsync(CancellationToken.None);
        await _services.DisposeAsync();
        if (_ownsDataDir)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDir, recursive: true);
            }
            catch (IOException)
            {
                // Another host on the same directory may still hold the file; the OS reclaims the temp folder.
            }
        }
    }
}
