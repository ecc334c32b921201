using System.Security.Cryptography;
using System.Text;
using Hotline.Contracts.Agents;
using Hotline.Silo.Agents;
using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;
using Hotline.Telephony.Tests.Support;
using Microsoft.Extensions.Logging;
using Hotline.Telephony.Acd;

namespace Hotline.Silo.Tests.Storage;

public abstract partial class StorageContractTests
{
    private static readonly Dictionary<string, int> GeneralSkills = new() { ["general"] = 5, ["utilities"] = 3 };

    [Fact]
    public async Task Agents_Add_FindGivesDigestHashesForTheRealmAndSkills()
    {
        Assert.True(await Store.Agents.AddAsync(new NewAgent("1001", "secret", GeneralSkills), default));

        var credential = await Store.Agents.FindAsync("1001", default);

        Assert.NotNull(credential);
        Assert.Null(credential.Password);
#pragma warning disable CA5351 // the expected value of the MD5 digest HA1, computed independently
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("1001:hotline.local:secret"))), credential.Ha1Md5);
#pragma warning restore CA5351
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("1001:hotline.local:secret"))), credential.Ha1Sha256);
        Assert.Equal(GeneralSkills, credential.Skills);
    }

    [Fact]
    public async Task Agents_Add_NoColumnHoldsThePassword()
    {
        await Store.Agents.AddAsync(new NewAgent("1001", "pw-visible-if-leaked", GeneralSkills), default);

        await using var connection = await Store.Dialect.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM agents";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        for (var i = 0; i < reader.FieldCount; i++)
        {
            Assert.DoesNotContain("pw-visible-if-leaked", Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Agents_AddExistingId_ReturnsFalseAndKeepsTheFirst()
    {
        await Store.Agents.AddAsync(new NewAgent("1001", "secret", GeneralSkills), default);

        Assert.False(await Store.Agents.AddAsync(new NewAgent("1001", "other-password", new Dictionary<string, int>()), default));
        Assert.Equal(GeneralSkills, (await Store.Agents.FindAsync("1001", default))!.Skills);
    }

    [Fact]
    public async Task Agents_FindUnknown_ReturnsNull()
    {
        Assert.Null(await Store.Agents.FindAsync("9999", default));
    }

    [Fact]
    public async Task Agents_RealmChanged_FindReturnsNullUntilPasswordIsSetAgain()
    {
        await Store.Agents.AddAsync(new NewAgent("1001", "secret", GeneralSkills), default);
        var moved = await StartHostAsync(("Sip:Domain", "pbx.example.gov.cn"));

        Assert.Null(await moved.Agents.FindAsync("1001", default));
        Assert.True(await moved.Agents.SetPasswordAsync("1001", "secret", default));
        var credential = await moved.Agents.FindAsync("1001", default);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("1001:pbx.example.gov.cn:secret"))), credential!.Ha1Sha256);
        Assert.Null(await Store.Agents.FindAsync("1001", default));
    }

    [Fact]
    public async Task Agents_RealmChanged_FindLogsAWarningNamingBothRealms()
    {
        await Store.Agents.AddAsync(new NewAgent("1001", "secret", GeneralSkills), default);
        using var logs = new RecordingLoggerProvider();
        using var loggers = logs.CreateFactory();
        var moved = new SqlAgentCredentialStore(Store.Dialect, new AgentRealm("12345"), TimeProvider.System, loggers.CreateLogger<SqlAgentCredentialStore>());

        Assert.Null(await moved.FindAsync("1001", default));

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("realm 'hotline.local' but the registrar's realm is now '12345'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_RegistrarRealm_WinsOverSipDomain()
    {
        var instance = await StartHostAsync(("Sip:Domain", "pbx.example.gov.cn"), ("Registrar:Realm", "12345"));
        await instance.Agents.AddAsync(new NewAgent("1001", "secret", GeneralSkills), default);

        var entry = Assert.Single(await instance.Agents.ListAsync(default));

        Assert.Equal("12345", entry.Realm);
    }

    [Fact]
    public async Task Agents_Import_AddsNewAndReplacesExistingInOneGo()
    {
        await Store.Agents.AddAsync(new NewAgent("1001", "secret", GeneralSkills), default);
        var agents = Enumerable.Range(1000, 260).Select(i => new NewAgent($"{i}", $"pw-{i}", new Dictionary<string, int> { ["general"] = 1 })).ToList();

        var added = await Store.Agents.ImportAsync(agents, default);

        Assert.Equal(259, added);
        Assert.Equal(260, (await Store.Agents.ListAsync(default)).Count);
        Assert.Equal(new Dictionary<string, int> { ["general"] = 1 }, (await Store.Agents.FindAsync("1001", default))!.Skills);
    }

    [Fact]
    public async Task Agents_ListRemovePasswd_WorkOnKnownIdsOnly()
    {
        await Store.Agents.AddAsync(new NewAgent("b.2", "secret", new Dictionary<string, int>()), default);
        await Store.Agents.AddAsync(new NewAgent("a-1", "secret", GeneralSkills), default);
        var before = (await Store.Agents.FindAsync("a-1", default))!.Ha1Md5;

        Assert.Equal(["a-1", "b.2"], (await Store.Agents.ListAsync(default)).Select(a => a.AgentId));
        Assert.True(await Store.Agents.SetPasswordAsync("a-1", "another", default));
        Assert.NotEqual(before, (await Store.Agents.FindAsync("a-1", default))!.Ha1Md5);
        Assert.False(await Store.Agents.SetPasswordAsync("zzz", "another", default));
        Assert.True(await Store.Agents.RemoveAsync("b.2", default));
        Assert.False(await Store.Agents.RemoveAsync("b.2", default));
        Assert.Null(await Store.Agents.FindAsync("b.2", default));
        Assert.True(Assert.Single(await Store.Agents.ListAsync(default)).Enabled);
    }

    [Fact]
    public async Task AgentStates_Append_ReadsBackInOrderWithExactTimes()
    {
        var at = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero).AddTicks(1234560);
        await Store.AgentStates.AppendAsync("1001", 1, new AgentStateChange(at, AgentState.Offline, AgentState.NotReady, "registered"), default);
        await Store.AgentStates.AppendAsync("1001", 2, new AgentStateChange(at.AddSeconds(5), AgentState.NotReady, AgentState.Ready, "agent"), default);
        await Store.AgentStates.AppendAsync("1001", 3, new AgentStateChange(at.AddSeconds(9), AgentState.Ready, AgentState.Ringing, "offered", "call-1"), default);
        await Store.AgentStates.AppendAsync("1002", 1, new AgentStateChange(at, AgentState.Offline, AgentState.Ready, "registered"), default);

        var recent = await Store.AgentStates.ReadRecentAsync("1001", 2, default);
        var latest = await Store.AgentStates.ReadLatestAsync("1001", default);

        Assert.Equal([2L, 3L], recent.Select(c => c.Seq));
        Assert.Equal(new AgentStateChange(at.AddSeconds(5), AgentState.NotReady, AgentState.Ready, "agent"), recent[0].Change);
        Assert.Equal(new StoredAgentStateChange(3, new AgentStateChange(at.AddSeconds(9), AgentState.Ready, AgentState.Ringing, "offered", "call-1")), latest);
        Assert.Null(await Store.AgentStates.ReadLatestAsync("4040", default));
    }

    [Fact]
    public async Task AgentStates_SameSeqTwice_ThrowsAndKeepsTheFirst()
    {
        var at = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
        await Store.AgentStates.AppendAsync("1001", 1, new AgentStateChange(at, AgentState.Offline, AgentState.Ready, "registered"), default);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            Store.AgentStates.AppendAsync("1001", 1, new AgentStateChange(at, AgentState.Offline, AgentState.NotReady, "other"), default));
        Assert.Equal(AgentState.Ready, (await Store.AgentStates.ReadLatestAsync("1001", default))!.Change.To);
    }

    [Theory]
    [InlineData("UPDATE agent_state_changes SET reason = 'rewritten'")]
    [InlineData("DELETE FROM agent_state_changes")]
    public async Task AgentStates_UpdateOrDelete_IsRefused(string sql)
    {
        await Store.AgentStates.AppendAsync("1001", 1, new AgentStateChange(DateTimeOffset.UnixEpoch, AgentState.Offline, AgentState.Ready, "registered"), default);

        await using var connection = await Store.Dialect.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal("registered", (await Store.AgentStates.ReadLatestAsync("1001", default))!.Change.Reason);
    }
}
