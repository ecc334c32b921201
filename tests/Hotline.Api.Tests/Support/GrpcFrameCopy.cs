namespace Hotline.Api.Tests.Support;

/// <summary>A response message as received: whether it was compressed, and its (inflated) bytes.</summary>
internal sealed record GrpcFrameCopy(bool Compressed, byte[] Payload);
