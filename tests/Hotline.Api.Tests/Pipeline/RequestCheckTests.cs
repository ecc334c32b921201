using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hotline.Api.Pipeline;
using ApiV1 = Hotline.Api.V1;

namespace Hotline.Api.Tests.Pipeline;

/// <summary>What parsing lets through but no method can use is refused INVALID_ARGUMENT, naming the field.</summary>
public sealed class RequestCheckTests
{
    [Theory]
    [InlineData(0, -1)]
    [InlineData(0, 1_000_000_000)]
    [InlineData(4_611_686_018_427_387_904, 0)]
    [InlineData(-62_135_596_801, 0)]
    [InlineData(253_402_300_800, 0)]
    public void Validate_TimestampOutOfRange_InvalidArgumentNamingTheField(long seconds, int nanos)
    {
        var request = new ApiV1.SearchTicketsRequest { CreatedFrom = new Timestamp { Seconds = seconds, Nanos = nanos } };

        var error = Assert.Throws<RpcException>(() => RequestCheck.Validate(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("created_from: is not a valid timestamp", error.Status.Detail);
    }

    [Theory]
    [InlineData(-62_135_596_800, 0)]
    [InlineData(253_402_300_799, 999_999_999)]
    [InlineData(0, 0)]
    public void Validate_TimestampAtTheEdges_Passes(long seconds, int nanos)
    {
        RequestCheck.Validate(new ApiV1.ListCallsRequest { From = new Timestamp { Seconds = seconds, Nanos = nanos } });
    }

    [Theory]
    [InlineData(1, -1)]
    [InlineData(-1, 1)]
    [InlineData(315_576_000_001, 0)]
    [InlineData(0, 1_000_000_000)]
    public void Validate_DurationOutOfRange_InvalidArgumentNamingTheField(long seconds, int nanos)
    {
        var queue = new ApiV1.QueueStatus { LongestWait = new Duration { Seconds = seconds, Nanos = nanos } };

        var error = Assert.Throws<RpcException>(() => RequestCheck.Validate(queue));

        Assert.Equal("longest_wait: is not a valid duration", error.Status.Detail);
    }

    [Fact]
    public void Validate_NestedMessage_NamesThePath()
    {
        var view = new ApiV1.Ticket { PendingExtension = new ApiV1.ExtensionRequest { RequestedAt = new Timestamp { Nanos = -5 } } };

        var error = Assert.Throws<RpcException>(() => RequestCheck.Validate(view));

        Assert.Equal("pending_extension.requested_at: is not a valid timestamp", error.Status.Detail);
    }

    [Fact]
    public void Validate_RepeatedNestedTimestamps_NamesTheField()
    {
        var record = new ApiV1.CallRecord();
        record.Offers.Add(new ApiV1.AgentOffer { OfferedAt = new Timestamp() });
        record.Offers.Add(new ApiV1.AgentOffer { OfferedAt = new Timestamp { Nanos = -1 } });

        var error = Assert.Throws<RpcException>(() => RequestCheck.Validate(record));

        Assert.Equal("offers.offered_at: is not a valid timestamp", error.Status.Detail);
    }
}
