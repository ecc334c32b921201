using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Ivr;
using static Hotline.Silo.Tests.Storage.TestCallRecords;

namespace Hotline.Silo.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task CallRecords_FullRecord_RoundTripsEveryFieldToTheTick()
    {
        var record = Full("call-1", T0);

        await Store.CallRecords.SaveAsync(record, default);

        AssertSame(record, await Store.CallRecords.FindAsync("call-1", default));
    }

    [Fact]
    public async Task CallRecords_SaveKnownCallId_ReplacesTheRecord()
    {
        var first = Full("call-1", T0) with { Survey = SurveyResult.None, Disposition = CallDisposition.InProgress };
        await Store.CallRecords.SaveAsync(first, default);

        var second = Full("call-1", T0);
        await Store.CallRecords.SaveAsync(second, default);

        AssertSame(second, await Store.CallRecords.FindAsync("call-1", default));
        Assert.Single((await Store.CallRecords.ListAsync(T0.AddDays(-1), T0.AddDays(1), 10, null, default)).Records);
    }

    [Fact]
    public async Task CallRecords_FindUnknown_ReturnsNull()
    {
        Assert.Null(await Store.CallRecords.FindAsync("nope", default));
    }

    [Fact]
    public async Task CallRecords_ListPages_CoverTheHalfOpenRangeOldestFirstWithoutRepeats()
    {
        // Two calls at the same instant (ordered by id), one at each edge of the range, one without an arrival.
        var minute = TimeSpan.FromMinutes(1);
        DateTimeOffset from = T0, to = T0 + (6 * minute);
        await Store.CallRecords.SaveAsync(Full("before", from - TimeSpan.FromMilliseconds(1)), default);
        await Store.CallRecords.SaveAsync(Full("at-to", to), default);
        await Store.CallRecords.SaveAsync(Full("c5", from + (5 * minute)), default);
        await Store.CallRecords.SaveAsync(Full("c1", from), default);
        await Store.CallRecords.SaveAsync(Full("c3b", from + (3 * minute)), default);
        await Store.CallRecords.SaveAsync(Full("c3a", from + (3 * minute)), default);
        await Store.CallRecords.SaveAsync(Full("c2", from + (2 * minute)), default);
        await Store.CallRecords.SaveAsync(new CallDetailRecord { CallId = "no-arrival" }, default);

        var first = await Store.CallRecords.ListAsync(from, to, 2, null, default);
        var second = await Store.CallRecords.ListAsync(from, to, 2, first.NextPageToken, default);
        var third = await Store.CallRecords.ListAsync(from, to, 2, second.NextPageToken, default);

        Assert.Equal(["c1", "c2"], first.Records.Select(r => r.CallId));
        Assert.Equal(["c3a", "c3b"], second.Records.Select(r => r.CallId));
        Assert.Equal(["c5"], third.Records.Select(r => r.CallId));
        Assert.Null(third.NextPageToken);
        AssertSame(Full("c2", from + (2 * minute)), first.Records[1]);
        Assert.NotNull(await Store.CallRecords.FindAsync("no-arrival", default));
    }

    [Fact]
    public async Task CallRecords_ListExactlyOnePage_HasNoNextToken()
    {
        await Store.CallRecords.SaveAsync(Full("c1", T0), default);
        await Store.CallRecords.SaveAsync(Full("c2", T0.AddSeconds(1)), default);

        var page = await Store.CallRecords.ListAsync(T0, T0.AddHours(1), 2, null, default);

        Assert.Equal(2, page.Records.Count);
        Assert.Null(page.NextPageToken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(501)]
    public async Task CallRecords_ListPageSizeOutOfRange_Throws(int pageSize)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.CallRecords.ListAsync(T0, T0.AddHours(1), pageSize, null, default));
    }

    [Fact]
    public async Task CallRecords_ListPageSize500_IsAccepted()
    {
        Assert.Empty((await Store.CallRecords.ListAsync(T0, T0.AddHours(1), 500, null, default)).Records);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("YzEKMQpjMQowMDAwMDAwMDAwMDAwMDAw")]
    public async Task CallRecords_ListMalformedToken_ThrowsArgumentException(string token)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CallRecords.ListAsync(T0, T0.AddHours(1), 10, token, default));
    }

    [Fact]
    public async Task CallRecords_ListTokenOfAnotherRange_ThrowsArgumentException()
    {
        await Store.CallRecords.SaveAsync(Full("c1", T0), default);
        await Store.CallRecords.SaveAsync(Full("c2", T0.AddSeconds(1)), default);
        var page = await Store.CallRecords.ListAsync(T0, T0.AddHours(1), 1, null, default);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.CallRecords.ListAsync(T0, T0.AddHours(2), 1, page.NextPageToken, default));

        Assert.Contains("another time range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallRecords_ListRangeBackwards_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CallRecords.ListAsync(T0, T0.AddSeconds(-1), 10, null, default));
    }

    [Fact]
    public async Task Callbacks_Save_ListsPendingOldestFirstWithExactWait()
    {
        // Request times are kept to the microsecond (PostgreSQL's precision); the wait to the tick.
        var requested = T0.AddTicks(-7);
        var waited = TimeSpan.FromTicks(1_234_567_891);
        await Store.Callbacks.SaveAsync(new CallbackRequest("c2", "13900000002", "general", CallbackKind.Abandoned, requested.AddMinutes(1), waited), default);
        await Store.Callbacks.SaveAsync(new CallbackRequest("c1", "13900000001", "utilities", CallbackKind.Queued, requested, TimeSpan.Zero), default);

        var pending = await Store.Callbacks.ListPendingAsync(10, default);

        Assert.Equal(["c1", "c2"], pending.Select(p => p.CallId));
        Assert.Equal(new CallbackRequest("c2", "13900000002", "general", CallbackKind.Abandoned, requested.AddMinutes(1), waited), pending[1]);
        Assert.Single(await Store.Callbacks.ListPendingAsync(1, default));
    }

    [Fact]
    public async Task Callbacks_SaveSameCallIdTwice_KeepsTheFirst()
    {
        await Store.Callbacks.SaveAsync(new CallbackRequest("c1", "13900000001", "general", CallbackKind.Queued, T0, TimeSpan.Zero), default);
        await Store.Callbacks.SaveAsync(new CallbackRequest("c1", "13900000009", "other", CallbackKind.Overflow, T0.AddHours(1), TimeSpan.FromMinutes(5)), default);

        var pending = Assert.Single(await Store.Callbacks.ListPendingAsync(10, default));

        Assert.Equal("13900000001", pending.Number);
        Assert.Equal(CallbackKind.Queued, pending.Kind);
    }

    [Fact]
    public async Task Callbacks_SaveFlagged_ListedWithItsReason()
    {
        var requested = T0.AddTicks(-7); // whole microseconds, as PostgreSQL keeps them
        var flagged = new CallbackRequest("c1", "0085291234567", "general", CallbackKind.Abandoned, requested, TimeSpan.FromSeconds(30), "international number (00)");
        await Store.Callbacks.SaveAsync(flagged, default);
        await Store.Callbacks.SaveAsync(new CallbackRequest("c2", "13900000002", "general", CallbackKind.Abandoned, requested.AddMinutes(1), TimeSpan.Zero), default);

        var pending = await Store.Callbacks.ListPendingAsync(10, default);

        Assert.Equal(flagged, pending[0]);
        Assert.True(pending[0].NeedsAgent);
        Assert.False(pending[1].NeedsAgent);
    }

    [Fact]
    public async Task Callbacks_Complete_LeavesPendingAndAnswersFalseForUnknown()
    {
        await Store.Callbacks.SaveAsync(new CallbackRequest("c1", "13900000001", "general", CallbackKind.Queued, T0, TimeSpan.Zero), default);
        await Store.Callbacks.SaveAsync(new CallbackRequest("c2", "13900000002", "general", CallbackKind.Overflow, T0, TimeSpan.Zero), default);

        Assert.True(await Store.Callbacks.CompleteAsync("c1", "reached", default));
        Assert.True(await Store.Callbacks.CompleteAsync("c1", "reached again", default));
        Assert.False(await Store.Callbacks.CompleteAsync("c9", "reached", default));

        Assert.Equal(["c2"], (await Store.Callbacks.ListPendingAsync(10, default)).Select(p => p.CallId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Callbacks_ListLimitOutOfRange_Throws(int limit)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.Callbacks.ListPendingAsync(limit, default));
    }
}
