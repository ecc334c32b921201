using System.Net;
using Grpc.Core;

namespace Hotline.Api.Tests.Support;

/// <summary>What came back to a <see cref="RawH2cClient"/> request.</summary>
internal sealed record RawAnswer(HttpStatusCode HttpStatus, StatusCode? Status, string StatusMessage, string? AcceptEncoding);
