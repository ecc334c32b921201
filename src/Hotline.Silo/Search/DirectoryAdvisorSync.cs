using Hotline.Search.Dispatch;
using Hotline.Silo.Organisation;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Search;

/// <summary>
/// Keeps the dispatch advisor and the three-party call numbers on the live directory: the active
/// departments, with their responsibilities, keywords and duty phones, at start and whenever the
/// directory's change history grows.
/// The CLI writes to the store directly (also while the server runs), so the host polls the
/// history's newest sequence rather than waiting to be told.
/// </summary>
internal sealed class DirectoryAdvisorSync(
    IDirectoryStore store, DispatchAdvisor advisor, DirectoryDepartmentNumbers numbers, TimeProvider time, ILogger<DirectoryAdvisorSync> logger)
    : BackgroundService
{
    /// <summary>How often the store is asked whether the directory changed (one indexed MAX per poll).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private long _version = -1;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the listeners open, so the first suggestion already follows the directory.
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reloads the advisor's departments if the directory changed since the last look.</summary>
    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var version = await store.VersionAsync(cancellationToken).ConfigureAwait(false);
        if (version == _version)
        {
            return;
        }

        var departments = await store.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        var active = departments.Where(d => d.Active).Select(ToInfo).ToList();
        advisor.SetDepartments(active);
        numbers.SetDirectory(departments);
        _version = version;
        SearchFeedLog.DirectoryLoaded(logger, active.Count, version);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
                {
                    // The store may be briefly unreachable (a PostgreSQL restart); the advisor keeps the last directory.
                    SearchFeedLog.DirectoryUnreadable(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static DepartmentInfo ToInfo(DirectoryDepartment d) => new(d.Id, d.Name, d.Kind, d.Responsibilities, d.Keywords);
}
