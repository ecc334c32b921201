using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;
using Hotline.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Silo.Tests.Storage;

/// <summary>Group commit on a real SQLite file: queued commits share one transaction and fail alone.</summary>
public sealed class CommitBatcherTests : IAsyncLifetime
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hotline-batcher-{Guid.NewGuid():N}.db");
    private SqliteDialect _dialect = null!;
    private GatedCommitWriter _writer = null!;
    private CommitBatcher _batcher = null!;

    public async Task InitializeAsync()
    {
        _dialect = new SqliteDialect($"Data Source={_path}");
        await new SchemaMigrator(_dialect, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).InitializeAsync(default);
        _writer = new GatedCommitWriter(_dialect.CreateCommitWriter());
        _batcher = new CommitBatcher([_writer], _ => { }, NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        _writer.Release();
        await _batcher.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task EnqueueAsync_CommitsQueuedDuringATransaction_ShareTheNextOneAndAConflictFailsAlone()
    {
        var first = _batcher.EnqueueAsync(TestCommits.Create("T0"), default);
        await _writer.FirstBatchStarted.WaitAsync(HangGuard);

        var queued = Enumerable.Range(1, 10)
            .Select(i => _batcher.EnqueueAsync(i == 4 ? TestCommits.Next($"T{i}", 7, "X") : TestCommits.Create($"T{i}"), default))
            .ToList();
        _writer.Release();

        Assert.True(await first.WaitAsync(HangGuard));
        var results = await Task.WhenAll(queued).WaitAsync(HangGuard);
        Assert.Equal([1, 10], _writer.BatchSizes);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i != 4), results);
    }

    [Fact]
    public async Task EnqueueAsync_OneCommitFailsInTheDatabase_OnlyItsCallerSeesTheError()
    {
        var first = _batcher.EnqueueAsync(TestCommits.Create("T0"), default);
        await _writer.FirstBatchStarted.WaitAsync(HangGuard);

        var good1 = _batcher.EnqueueAsync(TestCommits.Create("G1"), default);
        var poison = TestCommits.Create("P") is var p ? p with { Index = p.Index with { DepartmentIds = [null!] } } : null!;
        var bad = _batcher.EnqueueAsync(poison, default);
        var good2 = _batcher.EnqueueAsync(TestCommits.Create("G2"), default);
        _writer.Release();

        await first.WaitAsync(HangGuard);
        Assert.True(await good1.WaitAsync(HangGuard));
        Assert.True(await good2.WaitAsync(HangGuard));
        await Assert.ThrowsAnyAsync<Exception>(() => bad.WaitAsync(HangGuard));
        Assert.Equal([1, 3, 1, 1, 1], _writer.BatchSizes);
        var store = new SqlTicketStore(_dialect, TimeProvider.System, NullLogger<SqlTicketStore>.Instance);
        await using (store)
        {
            Assert.Null(await store.LoadAsync("P", default));
            Assert.Empty(await store.ReadHistoryAsync("P", default));
            Assert.NotNull(await store.LoadAsync("G2", default));
        }
    }

    [Fact]
    public async Task EnqueueAsync_CallerCancelsWhileQueued_CommitIsSkipped()
    {
        var first = _batcher.EnqueueAsync(TestCommits.Create("T0"), default);
        await _writer.FirstBatchStarted.WaitAsync(HangGuard);
        using var cancel = new CancellationTokenSource();
        var cancelled = _batcher.EnqueueAsync(TestCommits.Create("C"), cancel.Token);

        cancel.Cancel();
        _writer.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(HangGuard));
        await first.WaitAsync(HangGuard);
        Assert.Equal([1], _writer.BatchSizes);
    }
}
