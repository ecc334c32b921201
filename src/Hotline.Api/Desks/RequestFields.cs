using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Hotline.Api.Desks;

/// <summary>Field checks shared by the desks; each refusal names the snake_case field at fault.</summary>
internal static class RequestFields
{
    /// <summary>Ticket ids are short printable ASCII; anything else cannot name a ticket and is refused before any grain is touched.</summary>
    private const int MaxIdLength = 64;

    public static string TicketId(string value, string field = "ticket_id") => Id(value, field);

    public static string Id(string value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Invalid(field, "is required");
        }

        if (value.Length > MaxIdLength || value.Any(c => c is < '!' or > '~'))
        {
            throw Invalid(field, $"must be 1–{MaxIdLength} printable ASCII characters");
        }

        return value;
    }

    /// <summary>An optional client request id (AIP-155): empty means none; otherwise an id like any other.</summary>
    public static string? RequestId(string value) => value.Length == 0 ? null : Id(value, "request_id");

    public static string? Optional(string value) => value.Length == 0 ? null : value;

    public static IReadOnlyList<string> Ids(IEnumerable<string> values, string field) =>
        values.Select(value => Id(value, field)).ToList();

    public static T Required<T>(T? value, string field)
        where T : struct =>
        value ?? throw Invalid(field, "is required and must be a known value");

    /// <summary>The validation interceptor has refused out-of-range timestamps before the method runs.</summary>
    public static DateTimeOffset? Time(Timestamp? value) => value?.ToDateTimeOffset();

    public static RpcException Invalid(string field, string problem) =>
        new(new Status(StatusCode.InvalidArgument, $"{field}: {problem}"));
}
