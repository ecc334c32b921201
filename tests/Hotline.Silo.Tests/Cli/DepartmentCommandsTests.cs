using System.Text;
using Hotline.Silo.Tests.Hosting;

namespace Hotline.Silo.Tests.Cli;

/// <summary>The department, district and category commands against a real store while the server runs (started with --no-demo).</summary>
public sealed class DepartmentCommandsTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    private string DataDirArg => $"--DataDir={_host.DataDir}";

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(loadDemo: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> FileAsync(string name, byte[] content)
    {
        var path = Path.Combine(_host.DataDir, name);
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

    private Task<string> FileAsync(string name, string content) => FileAsync(name, Encoding.UTF8.GetBytes(content));

    [Fact]
    public async Task Add_Update_List_ShowEveryField()
    {
        var add = await CliTests.RunAsync(["department", "add", "--id", "hx", "--name", "河西区人民政府", "--kind", "district", "--days", "7", DataDirArg]);
        var street = await CliTests.RunAsync(["department", "add", "--id", "hx-yy", "--name", "友谊路街道", "--kind", "street", "--days", "5",
            "--parent", "hx", "--keywords", "友谊路;小区", "--phone", "022-2333-0001", "--responsibilities", "辖区事务", DataDirArg]);
        var update = await CliTests.RunAsync(["department", "update", "hx-yy", "--days", "3", "--phone", "", "--reason", "改为3天", DataDirArg]);

        var (code, output, _) = await CliTests.RunAsync(["department", "list", DataDirArg]);

        Assert.True(add.Code == 0 && street.Code == 0 && update.Code == 0, add.Error + street.Error + update.Error);
        Assert.Equal(0, code);
        Assert.Equal($"hx\t河西区人民政府\tdistrict\t-\t7\t-\tactive\t-{Environment.NewLine}hx-yy\t友谊路街道\tstreet\thx\t3\t-\tactive\t友谊路;小区{Environment.NewLine}", output);
    }

    [Theory]
    [InlineData(new[] { "department", "add", "--id", "x", "--name", "甲", "--kind", "ministry", "--days", "5" }, "--kind: 'ministry' is not one of")]
    [InlineData(new[] { "department", "add", "--id", "x", "--name", "甲", "--kind", "municipal", "--days", "five" }, "--days: 'five' is not a whole number")]
    [InlineData(new[] { "department", "add", "--id", "x", "--name", "甲", "--kind", "municipal", "--days", "0" }, "--days: 0 is not between 1 and 60")]
    [InlineData(new[] { "department", "add", "--id", "a b", "--name", "甲", "--kind", "municipal", "--days", "5" }, "--id: 'a b' must be")]
    [InlineData(new[] { "department", "add", "--name", "甲" }, "--id is required")]
    [InlineData(new[] { "department", "update", "x" }, "nothing to change")]
    [InlineData(new[] { "department", "update", "x", "--kind", "ministry" }, "--kind: 'ministry' is not one of")]
    [InlineData(new[] { "department", "update", "x", "--parent", "x" }, "--parent: a department cannot be its own parent")]
    [InlineData(new[] { "department", "disable", "--reason", "r" }, "name the department by its id")]
    [InlineData(new[] { "department", "update", "x", "--active", "false" }, "disabling is department disable")]
    [InlineData(new[] { "department", "disable", "x" }, "--reason is required")]
    [InlineData(new[] { "department", "import" }, "name the file to import")]
    [InlineData(new[] { "district", "add", "a,b" }, "must not contain ','")]
    public async Task BadArguments_ExitTwoNamingTheOption(string[] args, string expected)
    {
        var (code, output, error) = await CliTests.RunAsync([.. args, DataDirArg]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_UnknownParent_ExitsOneAndStoresNothing()
    {
        var (code, _, error) = await CliTests.RunAsync(["department", "add", "--id", "s1", "--name", "街道", "--kind", "street", "--days", "5", "--parent", "nope", DataDirArg]);
        var (_, list, _) = await CliTests.RunAsync(["department", "list", DataDirArg]);

        Assert.Equal(1, code);
        Assert.Contains("parent: department 'nope' does not exist", error, StringComparison.Ordinal);
        Assert.Equal("", list);
    }

    [Fact]
    public async Task Import_HostileFile_ExitsTwoNamingEachBadLineAndImportsNothing()
    {
        var text = "id,name,kind,parent,handle_working_days\n"
            + "a,甲,municipal,,5\n"
            + "b,乙,street,c,5\n"
            + "c,丙,street,b,5\n"
            + "a,重复,municipal,,5\n"
            + "d,丁,municipal,,5\n";
        var bytes = Encoding.UTF8.GetBytes(text).Concat(new byte[] { (byte)'e', (byte)',', 0xE4, 0xB8, (byte)',', (byte)'m', (byte)'\n' }).ToArray();
        var path = await FileAsync("hostile.csv", bytes);

        var encoding = await CliTests.RunAsync(["department", "import", path, DataDirArg]);
        var cleanUtf8 = await FileAsync("hostile2.csv", text);
        var structure = await CliTests.RunAsync(["department", "import", cleanUtf8, DataDirArg]);
        var (_, list, _) = await CliTests.RunAsync(["department", "list", DataDirArg]);

        Assert.Equal(2, encoding.Code);
        Assert.Contains("line 7: encoding: is not valid UTF-8", encoding.Error, StringComparison.Ordinal);
        Assert.Equal(2, structure.Code);
        Assert.Contains("line 3: department 'b': parent: makes a cycle", structure.Error, StringComparison.Ordinal);
        Assert.Contains("line 4: department 'c': parent: makes a cycle", structure.Error, StringComparison.Ordinal);
        Assert.Contains("line 5: department 'a': id: is already on line 2", structure.Error, StringComparison.Ordinal);
        Assert.Contains("nothing imported", structure.Error, StringComparison.Ordinal);
        Assert.Equal("", list);
    }

    [Fact]
    public async Task Import_Twice_SecondTimeUpdatesOnlyWhatChanged()
    {
        var first = await FileAsync("v1.json", """[{"id": "rl", "name": "供热集团", "kind": "utility", "handle_working_days": 5}, {"id": "rq", "name": "燃气集团", "kind": "utility", "handle_working_days": 5}]""");
        var second = await FileAsync("v2.json", """[{"id": "rl", "name": "供热集团", "kind": "utility", "handle_working_days": 3}, {"id": "rq", "name": "燃气集团", "kind": "utility", "handle_working_days": 5}]""");

        var one = await CliTests.RunAsync(["department", "import", first, DataDirArg]);
        var two = await CliTests.RunAsync(["department", "import", second, "--reason", "2027年时限调整", DataDirArg]);
        var history = await CliTests.RunAsync(["department", "history", "rl", DataDirArg]);

        Assert.Equal("imported 2 departments (2 new, 0 changed, 0 unchanged)" + Environment.NewLine, one.Output);
        Assert.Equal("imported 2 departments (0 new, 1 changed, 1 unchanged)" + Environment.NewLine, two.Output);
        var lines = history.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\tupdate\tcli:", lines[0], StringComparison.Ordinal);
        Assert.Contains("2027年时限调整", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"handle_working_days\":3", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task District_AddListRemove_WithUnknownRemoveExitingOne()
    {
        var add = await CliTests.RunAsync(["district", "add", "雄安新区", DataDirArg]);
        var remove = await CliTests.RunAsync(["district", "remove", "不存在区", DataDirArg]);
        var (_, list, _) = await CliTests.RunAsync(["district", "list", DataDirArg]);

        Assert.Equal(0, add.Code);
        Assert.Equal(1, remove.Code);
        Assert.Contains("'不存在区' is not on the list", remove.Error, StringComparison.Ordinal);
        var districts = list.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(17, districts.Length);
        Assert.Equal("雄安新区", districts[^1]);
    }
}
