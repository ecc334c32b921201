using Google.Protobuf.WellKnownTypes;
using Hotline.Api.Desks;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Calls;

/// <summary>A checked ListCalls request: a window of at most <see cref="MaxSpanDays"/> days and a page size the store accepts.</summary>
internal sealed record CallListQuery(DateTimeOffset From, DateTimeOffset To, int PageSize, string? PageToken)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    /// <summary>A month of records is what a report reads at once; wider windows are paged month by month.</summary>
    public const int MaxSpanDays = 31;

    /// <summary>Page tokens are short opaque text from the store; a longer one was not issued by it.</summary>
    private const int MaxPageTokenLength = 1024;

    public static CallListQuery Parse(V1.ListCallsRequest request)
    {
        var from = Time(request.From, "from");
        var to = Time(request.To, "to");
        if (to <= from)
        {
            throw RequestFields.Invalid("to", "must be after from");
        }

        if (to - from > TimeSpan.FromDays(MaxSpanDays))
        {
            throw RequestFields.Invalid("to", $"must be at most {MaxSpanDays} days after from");
        }

        int pageSize = request.PageSize switch
        {
            0 => DefaultPageSize,
            >= 1 and <= MaxPageSize => request.PageSize,
            _ => throw RequestFields.Invalid("page_size", $"must be between 1 and {MaxPageSize} (0 for {DefaultPageSize})"),
        };
        if (request.PageToken.Length > MaxPageTokenLength)
        {
            throw BadPageToken();
        }

        return new CallListQuery(from, to, pageSize, RequestFields.Optional(request.PageToken));
    }

    public static Grpc.Core.RpcException BadPageToken() =>
        RequestFields.Invalid("page_token", "is malformed or was issued for another window; repeat the same from and to, or start without a token");

    private static DateTimeOffset Time(Timestamp? value, string field)
    {
        if (value is null)
        {
            throw RequestFields.Invalid(field, "is required");
        }

        // The validation interceptor has refused timestamps outside years 1–9999 before the method runs.
        return value.ToDateTimeOffset();
    }
}
