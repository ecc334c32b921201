namespace Hotline.Api.Grpc.Framing;

/// <summary>What <see cref="GrpcFrameReader.TryRead"/> found at the start of the buffer.</summary>
internal enum FrameReadResult
{
    /// <summary>The prefix or the message is incomplete; nothing was consumed.</summary>
    NeedMoreData,

    /// <summary>A whole frame was read and consumed.</summary>
    Complete,

    /// <summary>The prefix declares a message over the limit; nothing was buffered or consumed.</summary>
    TooLarge,

    /// <summary>The compressed flag is neither 0 nor 1.</summary>
    InvalidFlag,
}
