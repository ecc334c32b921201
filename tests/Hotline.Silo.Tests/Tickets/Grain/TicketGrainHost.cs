using Hotline.Contracts.Grains;
using Hotline.Contracts.Organisation;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.Grains;
using Hotline.Silo.Tests.Hosting;
using Hotline.Silo.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Tickets.Grain;

/// <summary>
/// One "host" of ticket grains: an in-process Orleans cluster whose silos are composed as the server composes
/// them (storage, ticket domain) on a SQLite file in a data directory, with a clock that moves only when
/// told. Two of these on one data directory are two hosts sharing a database.
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

    private readonly bool _ownsDataDir;

    private TicketGrainHost(GrainCluster cluster, Fakes.FakeTimeProvider time, string dataDir, bool ownsDataDir)
    {
        Cluster = cluster;
        _ownsDataDir = ownsDataDir;
        Time = time;
        DataDir = dataDir;
        var services = cluster.SiloServices(0);
        Queries = services.GetRequiredService<ITicketQueries>();
        Feed = services.GetRequiredService<ITicketFeed>();
    }

    /// <summary>The timer-capable fake (Fakes), not the plain one of the Tickets tests: idle collection needs timers.</summary>
    public Fakes.FakeTimeProvider Time { get; }

    public string DataDir { get; }

    public GrainCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Grains;

    public ITicketQueries Queries { get; }

    public ITicketFeed Feed { get; }

    /// <summary>Starts a host of <paramref name="silos"/> silos on <paramref name="dataDir"/> (a new temporary one when null) and seeds D01–D03.</summary>
    public static async Task<TicketGrainHost> StartAsync(string? dataDir = null, Fakes.FakeTimeProvider? time = null, short silos = 1, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var ownsDataDir = dataDir is null;
        dataDir ??= RunningHost.NewDataDir();
        time ??= new Fakes.FakeTimeProvider(Monday10.ToUniversalTime());
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataDir"] = dataDir })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var cluster = await GrainCluster.StartAsync(silos, services => services
            .AddKeyedSingleton<TimeProvider>(TicketServiceCollectionExtensions.ClockKey, time)
            .AddHotlineStorage(configuration)
            .AddTicketDomain(configuration));
        for (var silo = 0; silo < silos; silo++)
        {
            await cluster.SiloServices(silo).GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        }

        var organisation = cluster.SiloServices(0).GetRequiredService<IOrganisationStore>();
        foreach (var department in Departments)
        {
            await organisation.UpsertDepartmentAsync(department, CancellationToken.None);
        }

        return new TicketGrainHost(cluster, time, dataDir, ownsDataDir);
    }

    public static CreateTicket NewTicket(Urgency urgency = Urgency.Normal, string phone = "13812341234", string district = "和平区") =>
        new(Agent, phone, "张三", Category.Complaint, district, "建国路1号", "楼道灯坏了三天", urgency);

    public ITicketGrain Ticket(string id) => Grains.GetGrain<ITicketGrain>(id);

    public Task<TicketView> CreateAsync(string id, Urgency urgency = Urgency.Normal, string phone = "13812341234", string district = "和平区") =>
        Ticket(id).CreateAsync(NewTicket(urgency, phone, district));

    public Task<TicketView> DispatchAsync(string id, string lead = "D01", params string[] assisting) =>
        Ticket(id).DispatchAsync(new DispatchTicket(Agent, lead, assisting, "请尽快处理"));

    /// <summary>Moves the clock to <paramref name="at"/>.</summary>
    public void AdvanceTo(DateTimeOffset at) => Time.Advance(at - Time.GetUtcNow());

    /// <summary>Deactivates the ticket's activation, so the next call activates it afresh from the store.</summary>
    public Task CollectAsync(string id) => Cluster.CollectAsync(Ticket(id));

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
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
