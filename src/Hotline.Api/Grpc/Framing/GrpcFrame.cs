using System.Buffers;

namespace Hotline.Api.Grpc.Framing;

/// <summary>One length-prefixed message. <see cref="Payload"/> points into the reader's buffer.</summary>
internal readonly record struct GrpcFrame(bool Compressed, ReadOnlySequence<byte> Payload);
