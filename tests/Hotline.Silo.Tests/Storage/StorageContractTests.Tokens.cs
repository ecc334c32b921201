using Hotline.Contracts.Organisation;
using Hotline.Contracts.Security;

namespace Hotline.Silo.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task IssueAsync_DepartmentToken_ValidatesToTheDepartment()
    {
        var token = await Store.Tokens.IssueAsync(new Caller(CallerKind.Department, "D01", StaffRole.None), default);

        Assert.StartsWith("hl_", token, StringComparison.Ordinal);
        Assert.Equal(new Caller(CallerKind.Department, "D01", StaffRole.None), await Store.Tokens.ValidateAsync(token, default));
    }

    [Fact]
    public async Task IssueAsync_StaffToken_ValidatesOnAnotherInstanceLikeTheCli()
    {
        var cli = await StartHostAsync();
        var token = await cli.Tokens.IssueAsync(new Caller(CallerKind.Staff, "s42", StaffRole.Supervisor), default);

        Assert.Equal(new Caller(CallerKind.Staff, "s42", StaffRole.Supervisor), await Store.Tokens.ValidateAsync(token, default));
    }

    [Fact]
    public async Task IssueAsync_TwoTokens_AreDifferentAndOnlyHashesAreStored()
    {
        var caller = new Caller(CallerKind.Staff, "a1", StaffRole.Agent);
        var first = await Store.Tokens.IssueAsync(caller, default);
        var second = await Store.Tokens.IssueAsync(caller, default);

        Assert.NotEqual(first, second);
        await using var connection = await Store.Dialect.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash FROM tokens";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var stored = reader.GetString(0);
            Assert.DoesNotContain(stored, new[] { first, second, first[3..], second[3..] });
            Assert.Equal(64, stored.Length);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("hl_")]
    [InlineData("hl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Bearer xyz")]
    [InlineData("hl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'--")]
    public async Task ValidateAsync_UnknownOrMalformedToken_ReturnsNull(string token)
    {
        await Store.Tokens.IssueAsync(new Caller(CallerKind.Department, "D01", StaffRole.None), default);

        Assert.Null(await Store.Tokens.ValidateAsync(token, default));
    }

    [Fact]
    public async Task IssueAsync_DepartmentWithRole_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.Tokens.IssueAsync(new Caller(CallerKind.Department, "D01", StaffRole.Agent), default));
    }

    [Fact]
    public async Task ValidateAsync_TokenPastItsExpiry_ReturnsNullAndOneBeforeItValidates()
    {
        var caller = new Caller(CallerKind.Department, "D01", StaffRole.None);
        var expired = await Store.Tokens.IssueAsync(caller, TimeProvider.System.GetUtcNow().AddMinutes(-1), default);
        var current = await Store.Tokens.IssueAsync(caller, TimeProvider.System.GetUtcNow().AddHours(1), default);

        Assert.Null(await Store.Tokens.ValidateAsync(expired, default));
        Assert.Equal(caller, await Store.Tokens.ValidateAsync(current, default));
    }

    [Fact]
    public async Task RevokeAsync_ByHandleFromList_OnlyThatTokenStopsValidating()
    {
        var caller = new Caller(CallerKind.Staff, "a1", StaffRole.Agent);
        var first = await Store.Tokens.IssueAsync(caller, default);
        var second = await Store.Tokens.IssueAsync(caller, TimeProvider.System.GetUtcNow().AddDays(1), default);
        var listed = await Store.Tokens.ListAsync(default);
        var handle = Assert.Single(listed, t => t.ExpiresAt is null).Handle;

        var revoked = await Store.Tokens.RevokeAsync(Hotline.Silo.Storage.TokenSelector.ByHandle(handle), default);

        Assert.Equal([handle], revoked);
        Assert.Null(await Store.Tokens.ValidateAsync(first, default));
        Assert.Equal(caller, await Store.Tokens.ValidateAsync(second, default));
        Assert.Equal([true, false], (await Store.Tokens.ListAsync(default)).OrderBy(t => t.ExpiresAt is not null).Select(t => t.Revoked));
    }

    [Fact]
    public async Task RevokeAsync_Caller_EveryTokenOfThatCallerOnly()
    {
        var d01 = new Caller(CallerKind.Department, "D01", StaffRole.None);
        var tokens = new[] { await Store.Tokens.IssueAsync(d01, default), await Store.Tokens.IssueAsync(d01, default) };
        var other = await Store.Tokens.IssueAsync(new Caller(CallerKind.Department, "D02", StaffRole.None), default);

        var revoked = await Store.Tokens.RevokeAsync(Hotline.Silo.Storage.TokenSelector.ForCaller("department", "D01"), default);

        Assert.Equal(2, revoked.Count);
        Assert.All(tokens, t => Assert.Null(Store.Tokens.ValidateAsync(t, default).AsTask().Result));
        Assert.NotNull(await Store.Tokens.ValidateAsync(other, default));
    }

    [Fact]
    public async Task Organisation_UpsertAndList_RoundTripsDepartments()
    {
        Assert.True(await Store.Organisation.IsEmptyAsync(default));

        await Store.Organisation.UpsertDepartmentAsync(new Department("D02", "市水务局", 5), default);
        await Store.Organisation.UpsertDepartmentAsync(new Department("D01", "市住房和城乡建设局", 10), default);
        await Store.Organisation.UpsertDepartmentAsync(new Department("D02", "市水务局（更名）", 3), default);

        Assert.False(await Store.Organisation.IsEmptyAsync(default));
        Assert.Equal(
            [new Department("D01", "市住房和城乡建设局", 10), new Department("D02", "市水务局（更名）", 3)],
            await Store.Organisation.ListAsync(default));
        Assert.Equal(new Department("D01", "市住房和城乡建设局", 10), await Store.Organisation.FindAsync("D01", default));
        Assert.Null(await Store.Organisation.FindAsync("D99", default));
    }
}
