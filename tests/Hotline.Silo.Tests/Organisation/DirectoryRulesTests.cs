using Hotline.Silo.Organisation;

namespace Hotline.Silo.Tests.Organisation;

public sealed class DirectoryRulesTests
{
    private static DirectoryDepartment Dept(string id, string? parent = null, bool active = true, string kind = "municipal") =>
        new(id, "部门" + id, kind, parent, "职责", ["关键词"], 5, "022-12345", active);

    private static IReadOnlyList<NumberedDepartment> Lines(params DirectoryDepartment[] departments) =>
        departments.Select((d, i) => new NumberedDepartment(i + 2, d)).ToList();

    [Theory]
    [InlineData("", "id")]
    [InlineData("has space", "id")]
    [InlineData("-dash-first", "id")]
    [InlineData("abcdefghijabcdefghijabcdefghij123", "id")]
    public void CheckFields_BadId_NamesTheId(string id, string field)
    {
        var problem = Assert.Single(DirectoryRules.CheckFields(Dept("x") with { Id = id }, 7));

        Assert.Equal(field, problem.Field);
        Assert.Equal(7, problem.Line);
    }

    [Fact]
    public void CheckFields_EveryFieldBroken_NamesEachField()
    {
        var bad = new DirectoryDepartment("d1", "", "ministry", "d1", new string('职', 2001), ["", "ok"], 0, "call me", true);

        var fields = DirectoryRules.CheckFields(bad).Select(p => p.Field).ToList();

        Assert.Equal(["name", "kind", "parent", "responsibilities", "keywords", "handle_working_days", "duty_phone"], fields);
    }

    [Theory]
    [InlineData("社保\u0000卡")]
    [InlineData("bad \uFFFD decode")]
    [InlineData("lone \uD800 surrogate")]
    public void CheckFields_ControlOrInvalidCharacters_Refused(string name)
    {
        var problem = Assert.Single(DirectoryRules.CheckFields(Dept("d1") with { Name = name }));

        Assert.Equal("name", problem.Field);
    }

    [Fact]
    public void CheckFields_GoodDepartmentWithEmoji_Passes()
    {
        Assert.Empty(DirectoryRules.CheckFields(Dept("d1") with { Name = "河西区友谊路街道办事处 🏢", DutyPhone = "+86-22-2333-0000" }));
    }

    [Fact]
    public void CheckChanges_DuplicateIdInBatch_NamesBothLines()
    {
        var problem = Assert.Single(DirectoryRules.CheckChanges([], Lines(Dept("a"), Dept("b"), Dept("a"))));

        Assert.Equal(4, problem.Line);
        Assert.Contains("already on line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckChanges_CycleThroughParents_NamesEveryMember()
    {
        var problems = DirectoryRules.CheckChanges([], Lines(Dept("a", "c"), Dept("b", "a"), Dept("c", "b"), Dept("d", "a")));

        Assert.Equal([2, 3, 4], problems.Select(p => p.Line!.Value));
        Assert.All(problems, p => Assert.Equal("parent", p.Field));
        Assert.Contains("a → c → b → a", problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckChanges_CycleWithStoredDepartment_Refused()
    {
        var problem = Assert.Single(DirectoryRules.CheckChanges([Dept("hx", "street1", kind: "district"), Dept("street1", kind: "street")],
            Lines(Dept("street1", "hx", kind: "street"))));

        Assert.Contains("cycle", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckChanges_ParentMissingOrDisabled_Refused()
    {
        var problems = DirectoryRules.CheckChanges([Dept("old", active: false)], Lines(Dept("s1", "nope"), Dept("s2", "old")));

        Assert.Equal(["department 'nope' does not exist", "department 'old' is disabled"], problems.Select(p => p.Message));
    }

    [Fact]
    public void CheckChanges_StoreNotRead_ParentOutsideTheFileLeftForLater()
    {
        Assert.Empty(DirectoryRules.CheckChanges([], Lines(Dept("s1", "hx", kind: "street")), storedUnknown: true));
        Assert.Single(DirectoryRules.CheckChanges([], Lines(Dept("s1", "hx", kind: "street"))));
    }

    [Fact]
    public void CheckChanges_ParentLaterInSameFile_Accepted()
    {
        Assert.Empty(DirectoryRules.CheckChanges([], Lines(Dept("street", "hx", kind: "street"), Dept("hx", kind: "district"))));
    }

    [Fact]
    public void CheckChanges_ImportDisablingActiveDepartment_RefusedAsDisableIsItsOwnOperation()
    {
        var problem = Assert.Single(DirectoryRules.CheckChanges([Dept("a")], Lines(Dept("a", active: false))));

        Assert.Equal("active", problem.Field);
    }

    [Fact]
    public void CheckDisable_OpenTicketsWithoutSuccessor_Refused()
    {
        var problem = Assert.Single(DirectoryRules.CheckDisable([Dept("a"), Dept("b")], "a", null, 3));

        Assert.Equal("successor", problem.Field);
        Assert.Contains("3 open ticket(s)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckDisable_NoOpenTickets_Accepted()
    {
        Assert.Empty(DirectoryRules.CheckDisable([Dept("a"), Dept("b")], "a", null, 0));
    }

    [Theory]
    [InlineData("a", "cannot be the department itself")]
    [InlineData("gone", "'gone' is disabled")]
    [InlineData("nope", "'nope' does not exist")]
    public void CheckDisable_BadSuccessor_Refused(string successor, string expected)
    {
        var problem = Assert.Single(DirectoryRules.CheckDisable([Dept("a"), Dept("gone", active: false)], "a", successor, 2));

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckDisable_ActiveChildren_Refused()
    {
        var problem = Assert.Single(DirectoryRules.CheckDisable([Dept("hx", kind: "district"), Dept("s1", "hx", kind: "street")], "hx", null, 0));

        Assert.Contains("s1", problem.Message, StringComparison.Ordinal);
    }
}
