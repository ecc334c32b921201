using System.Text;
using Hotline.Silo.Demo;
using Hotline.Silo.Organisation;

namespace Hotline.Silo.Tests.Organisation;

public sealed class DirectoryFileTests
{
    private static DirectoryRefusedException Refused(string text) => Refused(Encoding.UTF8.GetBytes(text));

    private static DirectoryRefusedException Refused(byte[] bytes) => Assert.Throws<DirectoryRefusedException>(() => DirectoryFile.Parse(bytes));

    [Fact]
    public void Parse_DemoJson_ReadsEveryDepartmentWithItsLine()
    {
        var departments = DemoOrganisation.LoadDepartments();

        Assert.Equal(32, departments.Count);
        Assert.Equal(2, departments[0].Line);
        Assert.Equal("scjg", departments[0].Department.Id);
        Assert.Contains("食品安全", departments[0].Department.Responsibilities, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonWithEveryField_MapsThem()
    {
        var text = """
            [
              {"id": "hx", "name": "河西区人民政府", "kind": "district", "responsibilities": "河西区事务", "handle_working_days": 7},
              {"id": "hx-yy", "name": "友谊路街道", "kind": "street", "parent": "hx", "responsibilities": "辖区事务",
               "keywords": ["友谊路", "小区"], "handle_working_days": 5, "duty_phone": "022-2333-0001", "active": true}
            ]
            """;

        var departments = DirectoryFile.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal([2, 3], departments.Select(d => d.Line));
        var street = departments[1].Department;
        Assert.Equal(new DirectoryDepartment("hx-yy", "友谊路街道", "street", "hx", "辖区事务", street.Keywords, 5, "022-2333-0001"), street);
        Assert.Equal(["友谊路", "小区"], street.Keywords);
    }

    [Fact]
    public void Parse_CsvWithQuotesAndKeywords_MapsThem()
    {
        var text = "id,name,kind,parent,responsibilities,keywords,handle_working_days,duty_phone\r\n"
            + "rl,供热集团,utility,,\"供热、\"\"暖气\"\"不热, 报修\",暖气;供热,5,96577\r\n";

        var department = Assert.Single(DirectoryFile.Parse(Encoding.UTF8.GetBytes(text))).Department;

        Assert.Equal("供热、\"暖气\"不热, 报修", department.Responsibilities);
        Assert.Equal(["暖气", "供热"], department.Keywords);
        Assert.Null(department.ParentId);
        Assert.Equal("96577", department.DutyPhone);
    }

    [Fact]
    public void Parse_InvalidUtf8_NamesTheLine()
    {
        var bytes = Encoding.UTF8.GetBytes("id,name,kind,handle_working_days\nok,好,municipal,5\nbad,")
            .Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes(",municipal,5\n")).ToArray();

        var problem = Assert.Single(Refused(bytes).Problems);

        Assert.Equal(3, problem.Line);
        Assert.Equal("encoding", problem.Field);
    }

    [Fact]
    public void Parse_TenMegabyteField_NamesTheLineAndField()
    {
        var huge = new string('职', 10 * 1024 * 1024 / 3);
        var text = "[\n{\"id\": \"a\", \"name\": \"甲\", \"kind\": \"municipal\", \"handle_working_days\": 5},\n"
            + "{\"id\": \"b\", \"name\": \"乙\", \"kind\": \"municipal\", \"handle_working_days\": 5, \"responsibilities\": \"" + huge + "\"}\n]";

        var problem = Assert.Single(Refused(text).Problems);

        Assert.Equal(3, problem.Line);
        Assert.Equal("responsibilities", problem.Field);
        Assert.Contains("at most 2000", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyDepartmentsInOneJsonArray_LinesCountedAndCountLimited()
    {
        var text = "[\n" + string.Join(",\n", Enumerable.Range(0, DirectoryFile.MaxDepartments + 1)
            .Select(i => $"{{\"id\": \"d{i}\", \"name\": \"部门\", \"kind\": \"municipal\", \"handle_working_days\": 5}}")) + "\n]";

        var problem = Assert.Single(Refused(text).Problems);

        Assert.Equal(DirectoryFile.MaxDepartments + 2, problem.Line);
        Assert.Contains($"at most {DirectoryFile.MaxDepartments}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongTypesAndUnknownFields_EachNamed()
    {
        var text = """
            [
              {"id": "a", "name": 5, "kind": "municipal", "handle_working_days": 5},
              {"id": "b", "name": "乙", "kind": "municipal", "handle_working_days": "five"},
              {"id": "c", "name": "丙", "kind": "municipal", "handle_working_days": 5, "boss": "x"},
              {"id": "d", "name": "丁", "kind": "municipal"}
            ]
            """;

        var problems = Refused(text).Problems;

        Assert.Equal([(2, "name"), (3, "handle_working_days"), (4, "boss"), (5, "handle_working_days")], problems.Select(p => (p.Line!.Value, p.Field)));
    }

    [Fact]
    public void Parse_BrokenJson_NamesTheLine()
    {
        var problem = Assert.Single(Refused("[\n{\"id\": \"a\",\n\"name\": }\n]").Problems);

        Assert.Equal("json", problem.Field);
        Assert.Equal(3, problem.Line);
    }

    [Fact]
    public void Parse_CsvBadLines_EachNamedNothingReturned()
    {
        var text = "id,name,kind,handle_working_days\nok,好,municipal,5\nbad id,坏,municipal,5\nx,\"open quote,municipal,5\ny,也,municipal\n";

        var problems = Refused(text).Problems;

        Assert.Equal([3, 4, 5], problems.Select(p => p.Line!.Value));
    }

    [Fact]
    public void Parse_CsvHeaderUnknownColumn_Refused()
    {
        var problem = Assert.Single(Refused("id,name,kind,days\n").Problems);

        Assert.Equal("header", problem.Field);
        Assert.Contains("unknown: days", problem.Message, StringComparison.Ordinal);
    }
}
