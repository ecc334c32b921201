using System.Text.Json;
using Hotline.Silo.Organisation;

namespace Hotline.Silo.Tests.Storage;

public abstract partial class StorageContractTests
{
    private static readonly ChangeContext Admin = new("admin:wang", "2026 机构改革");

    private static DirectoryDepartment Bureau(string id, string? parent = null, string kind = "municipal") =>
        new(id, "部门" + id, kind, parent, "负责" + id + "相关事务", ["关键词" + id], 5, null);

    /// <summary>32 departments: 16 bureaus, 8 district governments and a street office under each.</summary>
    private static IReadOnlyList<NumberedDepartment> ThirtyTwo() =>
        Enumerable.Range(1, 16).Select(i => Bureau($"b{i:00}"))
            .Concat(Enumerable.Range(1, 8).Select(i => Bureau($"d{i}", kind: "district")))
            .Concat(Enumerable.Range(1, 8).Select(i => Bureau($"d{i}-s1", $"d{i}", "street")))
            .Select((d, i) => new NumberedDepartment(i + 2, d))
            .ToList();

    [Fact]
    public async Task Directory_SaveThenRead_RoundTripsEveryField()
    {
        var street = new DirectoryDepartment("hx-yy", "友谊路街道办事处 🏢", "street", "hx", "辖区内的\n环境卫生、物业纠纷", ["友谊路", "小区"], 3, "+86-22-2333-0001", false);

        await Store.Directory.ImportAsync([new(1, Bureau("hx", kind: "district")), new(2, street)], Admin, default);

        var found = await Store.DirectoryStore.FindDepartmentAsync("hx-yy", default);
        Assert.NotNull(found);
        Assert.True(found.SameAs(street), found.ToString());
        Assert.Equal(["友谊路", "小区"], found.Keywords);
        Assert.Equal(["hx", "hx-yy"], (await Store.DirectoryStore.ListDepartmentsAsync(default)).Select(d => d.Id));
        // Tickets see only active departments as dispatch targets.
        Assert.Null(await Store.Organisation.FindAsync("hx-yy", default));
        Assert.Equal(["hx"], (await Store.Organisation.ListAsync(default)).Select(d => d.Id));
    }

    [Fact]
    public async Task Directory_ImportThirtyTwoThenReimportOneChanged_UpdatesOnlyThatOneWithHistory()
    {
        var first = await Store.Directory.ImportAsync(ThirtyTwo(), Admin, default);
        var changed = ThirtyTwo().Select(n => n.Department.Id == "b07" ? n with { Department = n.Department with { Name = "市数据局（新）", HandleWorkingDays = 9 } } : n)
            .ToList();
        var second = await Store.Directory.ImportAsync(changed, new ChangeContext("admin:li", "更名"), default);

        Assert.Equal((32, 0), first);
        Assert.Equal((0, 1), second);
        var history = await Store.DirectoryStore.HistoryAsync("b07", 10, long.MaxValue, default);
        Assert.Equal(["update", "add"], history.Select(h => h.Action));
        var latest = history[0];
        Assert.Equal(("admin:li", "更名"), (latest.Actor, latest.Reason));
        Assert.Equal("部门b07", JsonDocument.Parse(latest.Before!).RootElement.GetProperty("name").GetString());
        Assert.Equal(9, JsonDocument.Parse(latest.After!).RootElement.GetProperty("handle_working_days").GetInt32());
        Assert.Equal(33, (await Store.DirectoryStore.HistoryAsync(null, 100, long.MaxValue, default)).Count);
        Assert.Equal(latest.Sequence, await Store.DirectoryStore.VersionAsync(default));
    }

    [Fact]
    public async Task Directory_ImportWithBadLine_StoresNothing()
    {
        var lines = ThirtyTwo().Append(new NumberedDepartment(40, Bureau("orphan", "nowhere"))).ToList();

        var refused = await Assert.ThrowsAsync<DirectoryRefusedException>(() => Store.Directory.ImportAsync(lines, Admin, default));

        Assert.Equal(40, Assert.Single(refused.Problems).Line);
        Assert.Empty(await Store.DirectoryStore.ListDepartmentsAsync(default));
        Assert.Equal(0, await Store.DirectoryStore.VersionAsync(default));
    }

    [Fact]
    public async Task Directory_History_IsAppendOnly()
    {
        await Store.Directory.ImportAsync(ThirtyTwo(), Admin, default);

        await using var connection = await Store.Dialect.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE directory_changes SET actor = 'someone else'";

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Directory_Lists_DefaultSixteenDistrictsAndCategories_EditedWithHistory()
    {
        var districts = await Store.Directory.ListValuesAsync(DirectoryLists.District, default);

        await Store.Directory.AddValueAsync(DirectoryLists.District, "新城区", Admin, default);
        await Store.Directory.RemoveValueAsync(DirectoryLists.District, "宁河区", Admin, default);
        var duplicate = await Assert.ThrowsAsync<DirectoryRefusedException>(() => Store.Directory.AddValueAsync(DirectoryLists.District, "河西区", Admin, default));

        Assert.Equal(16, districts.Count);
        Assert.Equal("和平区", districts[0]);
        Assert.Contains("滨海新区", districts);
        Assert.Equal(["咨询", "求助", "投诉", "举报", "建议", "表扬"], await Store.Directory.ListValuesAsync(DirectoryLists.Category, default));
        var now = await Store.Directory.ListValuesAsync(DirectoryLists.District, default);
        Assert.Equal("新城区", now[^1]);
        Assert.DoesNotContain("宁河区", now);
        Assert.Contains("already", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal(["remove", "add"], (await Store.DirectoryStore.HistoryAsync(null, 10, long.MaxValue, default)).Select(h => h.Action));
    }

    [Fact]
    public async Task Directory_DisableWithOpenTicket_RefusedUntilTheTicketIsClosed()
    {
        await Store.Directory.ImportAsync(ThirtyTwo(), Admin, default);
        Assert.True(await Tickets.CommitAsync(TestCommits.Create("T1", state: "DISPATCHED", departments: ["b01"]), default));
        Assert.True(await Tickets.CommitAsync(TestCommits.Create("T2", state: "CLOSED", departments: ["b01"]), default));

        var open = await Store.DirectoryStore.OpenTicketIdsAsync("b01", default);
        var refused = await Assert.ThrowsAsync<DirectoryRefusedException>(() => Store.Directory.DisableAsync("b01", null, Admin, default));
        var toSuccessor = await Assert.ThrowsAsync<DirectoryRefusedException>(() => Store.Directory.DisableAsync("b01", "b02", Admin, default));
        Assert.True(await Tickets.CommitAsync(TestCommits.Next("T1", 1, "CLOSED", departments: ["b01"]), default));
        await Store.Directory.DisableAsync("b01", null, new ChangeContext("admin:wang", "并入b02"), default);

        Assert.Equal(["T1"], open);
        Assert.Empty(await Store.DirectoryStore.OpenTicketIdsAsync("b01", default));
        Assert.Contains("1 open ticket(s)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("needs the ticket engine", toSuccessor.Message, StringComparison.Ordinal);
        Assert.False((await Store.DirectoryStore.FindDepartmentAsync("b01", default))!.Active);
        var last = (await Store.DirectoryStore.HistoryAsync("b01", 1, long.MaxValue, default))[0];
        Assert.Equal(("disable", "并入b02"), (last.Action, last.Reason));
    }

    [Fact]
    public async Task Directory_ChangeByAnotherProcess_RaisesTheVersionThisOneSees()
    {
        var cli = await StartHostAsync();
        var before = await Store.DirectoryStore.VersionAsync(default);

        await cli.Directory.AddAsync(Bureau("new1"), Admin, default);

        Assert.True(await Store.DirectoryStore.VersionAsync(default) > before);
        Assert.NotNull(await Store.DirectoryStore.FindDepartmentAsync("new1", default));
    }
}
