using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hotline.Api.Tests.Support;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Ivr;
using Microsoft.Extensions.Logging;
using ApiV1 = Hotline.Api.V1;

namespace Hotline.Api.Tests.Calls;

/// <summary>Supervision.ListCalls: every record field on the wire, paging, and refused windows, sizes and tokens.</summary>
public sealed class SupervisionListCallsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    private CallCenterApiServer _api = null!;

    public async Task InitializeAsync() => _api = await CallCenterApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Assert.Empty(_api.Logs.EventIds(LogLevel.Error));
    }

    [Fact]
    public async Task ListCalls_FullRecord_EveryFieldMappedAndNoServerPath()
    {
        var at = Day.AddHours(9);
        await _api.CallRecords.SaveAsync(new CallDetailRecord
        {
            CallId = "call-1",
            Caller = "13800001234",
            Called = "12345",
            ArrivedAt = at,
            IvrPath = ["1", "3"],
            QueueId = "q-general",
            Priority = 2,
            QueuedAt = at.AddSeconds(20),
            Offers =
            [
                new AgentOfferRecord("a1", at.AddSeconds(21), at.AddSeconds(36), OfferEndReason.RingTimeout),
                new AgentOfferRecord("a2", at.AddSeconds(37), at.AddSeconds(40), OfferEndReason.Answered),
                new AgentOfferRecord("a3", at.AddSeconds(38), null, null),
            ],
            AnsweredAt = at.AddSeconds(40),
            AnsweredBy = "a2",
            Transfers = [new TransferRecord(at.AddMinutes(2), "a2", "zjw-1001", Attended: true)],
            SupervisorActions = [new SupervisorActionRecord(at.AddMinutes(1), "S02", SupervisorActionKind.MonitorModeChanged, "whisper")],
            HangUpSide = HangUpSide.Agent,
            EndedAt = at.AddMinutes(5),
            RecordingPath = "/srv/secret/layout/call-1.wav",
            CallbackNumber = "13800005678",
            OverflowTarget = "110",
            Survey = SurveyResult.BasicallySatisfied,
            Disposition = CallDisposition.Answered,
            WaitTime = TimeSpan.FromSeconds(20),
            TimeToAnswer = TimeSpan.FromSeconds(40),
            TalkTime = TimeSpan.FromSeconds(260),
        }, CancellationToken.None);

        var response = await ListAsync(Request(Day, Day.AddDays(1)));

        var call = Assert.Single(response.Single(ApiV1.ListCallsResponse.Parser).Calls);
        Assert.Equal(("call-1", "13800001234", "12345", "q-general", 2, "a2"), (call.CallId, call.Caller, call.Called, call.QueueId, call.Priority, call.AnsweredBy));
        Assert.Equal([at, at.AddSeconds(20), at.AddSeconds(40), at.AddMinutes(5)], new[] { call.ArrivedAt, call.QueuedAt, call.AnsweredAt, call.EndedAt }.Select(t => t.ToDateTimeOffset()));
        Assert.Equal(["1", "3"], call.IvrPath);
        Assert.Equal(
            [("a1", ApiV1.OfferEndReason.RingTimeout), ("a2", ApiV1.OfferEndReason.Answered), ("a3", ApiV1.OfferEndReason.Unspecified)],
            call.Offers.Select(o => (o.AgentId, o.Reason)));
        Assert.Equal(at.AddSeconds(21), call.Offers[0].OfferedAt.ToDateTimeOffset());
        Assert.Equal(at.AddSeconds(36), call.Offers[0].EndedAt.ToDateTimeOffset());
        Assert.Null(call.Offers[2].EndedAt);
        var transfer = Assert.Single(call.Transfers);
        Assert.Equal((at.AddMinutes(2), "a2", "zjw-1001", true), (transfer.At.ToDateTimeOffset(), transfer.FromAgentId, transfer.Target, transfer.Attended));
        var supervised = Assert.Single(call.SupervisorActions);
        Assert.Equal(
            (at.AddMinutes(1), "S02", ApiV1.SupervisorActionKind.MonitorModeChanged, "whisper"),
            (supervised.At.ToDateTimeOffset(), supervised.SupervisorId, supervised.Action, supervised.Detail));
        Assert.Equal(ApiV1.HangUpSide.Agent, call.HangUpSide);
        Assert.True(call.RecordingAvailable);
        Assert.DoesNotContain("/srv/secret", call.ToString(), StringComparison.Ordinal);
        Assert.Equal(("13800005678", "110"), (call.CallbackNumber, call.OverflowTarget));
        Assert.Equal((ApiV1.SurveyResult.BasicallySatisfied, ApiV1.CallDisposition.Answered), (call.Survey, call.Disposition));
        Assert.Equal(
            [TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(260)],
            new[] { call.WaitTime, call.TimeToAnswer, call.TalkTime }.Select(d => d.ToTimeSpan()));
        Assert.Equal("", response.Single(ApiV1.ListCallsResponse.Parser).NextPageToken);
    }

    [Fact]
    public async Task ListCalls_AbandonedInIvr_MomentsThatDidNotHappenAreUnset()
    {
        await _api.CallRecords.SaveAsync(new CallDetailRecord
        {
            CallId = "call-2",
            Caller = "13800001234",
            ArrivedAt = Day.AddHours(1),
            HangUpSide = HangUpSide.Caller,
            EndedAt = Day.AddHours(1).AddSeconds(9),
            Disposition = CallDisposition.AbandonedInIvr,
        }, CancellationToken.None);

        var call = Assert.Single((await ListAsync(Request(Day, Day.AddDays(1)))).Single(ApiV1.ListCallsResponse.Parser).Calls);

        Assert.Null(call.QueuedAt);
        Assert.Null(call.AnsweredAt);
        Assert.Null(call.WaitTime);
        Assert.Null(call.TimeToAnswer);
        Assert.Null(call.TalkTime);
        Assert.Equal(("", "", "", ""), (call.QueueId, call.AnsweredBy, call.CallbackNumber, call.OverflowTarget));
        Assert.False(call.RecordingAvailable);
        Assert.Equal(
            (ApiV1.HangUpSide.Caller, ApiV1.SurveyResult.Unspecified, ApiV1.CallDisposition.AbandonedInIvr),
            (call.HangUpSide, call.Survey, call.Disposition));
    }

    [Fact]
    public async Task ListCalls_FivePagesOfTwo_EveryRecordInTheWindowOnceOldestFirst()
    {
        for (int i = 0; i < 5; i++)
        {
            await _api.CallRecords.SaveAsync(new CallDetailRecord { CallId = $"c{i}", ArrivedAt = Day.AddHours(i) }, CancellationToken.None);
        }

        await _api.CallRecords.SaveAsync(new CallDetailRecord { CallId = "yesterday", ArrivedAt = Day.AddSeconds(-1) }, CancellationToken.None);
        await _api.CallRecords.SaveAsync(new CallDetailRecord { CallId = "tomorrow", ArrivedAt = Day.AddDays(1) }, CancellationToken.None);
        var seen = new List<string>();
        string token = "";
        int pages = 0;
        do
        {
            var request = Request(Day, Day.AddDays(1));
            request.PageSize = 2;
            request.PageToken = token;
            var page = (await ListAsync(request)).Single(ApiV1.ListCallsResponse.Parser);
            seen.AddRange(page.Calls.Select(c => c.CallId));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 10);

        Assert.Equal(["c0", "c1", "c2", "c3", "c4"], seen);
        Assert.Equal(3, pages);
        Assert.All(_api.CallRecords.Lists, list => Assert.Equal((Day, Day.AddDays(1), 2), (list.From, list.To, list.PageSize)));
    }

    [Fact]
    public async Task ListCalls_NoPageSize_StoreAskedForTwenty()
    {
        var response = await ListAsync(Request(Day, Day.AddDays(31)));

        Assert.Equal(StatusCode.OK, response.Status);
        var list = Assert.Single(_api.CallRecords.Lists);
        Assert.Equal((20, (string?)null), (list.PageSize, list.PageToken));
    }

    [Theory]
    [InlineData("no-from", "from: is required")]
    [InlineData("no-to", "to: is required")]
    [InlineData("empty-window", "to: must be after from")]
    [InlineData("backwards", "to: must be after from")]
    [InlineData("too-wide", "to: must be at most 31 days after from")]
    [InlineData("bad-timestamp", "from: is not a valid timestamp")]
    [InlineData("page-size-high", "page_size: must be between 1 and 100 (0 for 20)")]
    [InlineData("page-size-negative", "page_size: must be between 1 and 100 (0 for 20)")]
    [InlineData("foreign-token", "page_token: is malformed or was issued for another window; repeat the same from and to, or start without a token")]
    [InlineData("not-a-number-token", "page_token: is malformed or was issued for another window; repeat the same from and to, or start without a token")]
    [InlineData("overflowing-token", "page_token: is malformed or was issued for another window; repeat the same from and to, or start without a token")]
    [InlineData("huge-token", "page_token: is malformed or was issued for another window; repeat the same from and to, or start without a token")]
    public async Task ListCalls_BadRequest_InvalidArgumentNamingTheField(string problem, string expected)
    {
        var request = Request(Day, Day.AddDays(1));
        switch (problem)
        {
            case "no-from": request.From = null; break;
            case "no-to": request.To = null; break;
            case "empty-window": request.To = request.From; break;
            case "backwards": request.To = Timestamp.FromDateTimeOffset(Day.AddSeconds(-1)); break;
            case "too-wide": request.To = Timestamp.FromDateTimeOffset(Day.AddDays(31).AddSeconds(1)); break;
            case "bad-timestamp": request.From = new Timestamp { Seconds = long.MaxValue }; break;
            case "page-size-high": request.PageSize = 101; break;
            case "page-size-negative": request.PageSize = -1; break;
            case "foreign-token": request.PageToken = "not-a-token"; break;
            case "not-a-number-token": request.PageToken = "num:x"; break;
            case "overflowing-token": request.PageToken = "num:99999999999"; break;
            case "huge-token": request.PageToken = new string('a', 5000); break;
        }

        var response = await ListAsync(request);

        Assert.Equal(StatusCode.InvalidArgument, response.Status);
        Assert.Equal(expected, response.StatusMessage);
    }

    private static ApiV1.ListCallsRequest Request(DateTimeOffset from, DateTimeOffset to) => new()
    {
        From = Timestamp.FromDateTimeOffset(from),
        To = Timestamp.FromDateTimeOffset(to),
    };

    private Task<GrpcResult> ListAsync(ApiV1.ListCallsRequest request) =>
        _api.CallAsync("Supervision", "ListCalls", request, TestTokenValidator.SupervisorToken);
}
