using Dapper;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task CommitAsync_WithSchedulerChanges_WritesThemOnlyWhenTheCommitApplies()
    {
        await Tickets.CommitAsync(TestCommits.Create("T1"), default);
        var before = TestCommits.T0.AddHours(1);
        var applied = TestCommits.Next("T1", 1, "DISPATCHED") with
        {
            SchedulerChanges =
            [
                new SchedulerChange("ticket/T1/sign-overdue", "reschedule", "staff:S01", TestCommits.T0, "顺延", before, before.AddHours(2)),
                new SchedulerChange("ticket/T1/sign-warning", "cancel", "staff:S01", TestCommits.T0, "已催办", before, null),
            ],
        };
        var stale = TestCommits.Next("T1", 1, "CLOSED") with
        {
            SchedulerChanges = [new SchedulerChange("ticket/T1/handle-overdue", "cancel", "staff:S02", TestCommits.T0, "lost race", before, null)],
        };

        Assert.True(await Tickets.CommitAsync(applied, default));
        Assert.False(await Tickets.CommitAsync(stale, default));

        await using var connection = await Store.Dialect.OpenAsync(default);
        var rows = (await connection.QueryAsync<(string JobKey, string Action, string Actor, string Reason, bool Moved)>(
            "SELECT job_key, action, actor, reason, after_at IS NOT NULL FROM scheduler_changes ORDER BY sequence")).ToList();
        Assert.Equal(
            [("ticket/T1/sign-overdue", "reschedule", "staff:S01", "顺延", true), ("ticket/T1/sign-warning", "cancel", "staff:S01", "已催办", false)],
            rows);
    }
}
