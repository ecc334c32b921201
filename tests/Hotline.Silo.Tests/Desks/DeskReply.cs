using System.Globalization;
using Hotline.Api.Grpc;

namespace Hotline.Silo.Tests.Desks;

/// <summary>The messages of a call and, once the server ended it, its gRPC status and message.</summary>
internal sealed record DeskReply<T>(StatusCode? Status, string? Message, IReadOnlyList<T> Messages)
{
    /// <summary>The single answer of a successful unary call.</summary>
    public T Ok => Status == StatusCode.OK ? Assert.Single(Messages) : throw new Xunit.Sdk.XunitException($"expected OK, got {Status}: {Message}");

    public static DeskReply<T> From(HttpResponseMessage response, IReadOnlyList<T> messages)
    {
        string? Find(string name) =>
            response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.Single()
            : response.Headers.TryGetValues(name, out var header) ? header.Single()
            : null;

        var status = Find("grpc-status") is { } text ? (StatusCode)int.Parse(text, CultureInfo.InvariantCulture) : (StatusCode?)null;
        var message = Find("grpc-message") is { } encoded ? Uri.UnescapeDataString(encoded) : null;
        return new DeskReply<T>(status, message, messages);
    }
}
