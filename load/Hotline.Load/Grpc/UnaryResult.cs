namespace Hotline.Load.Grpc;

/// <summary>How one call ended: grpc-status 0 with the parsed message, or a status code (or one of <see cref="StatusNames"/>' negative client-side codes).</summary>
internal readonly record struct UnaryResult<TResponse>(int Code, TResponse? Message)
{
    public bool IsOk => Code == 0;

    public static UnaryResult<TResponse> Ok(TResponse message) => new(0, message);

    public static UnaryResult<TResponse> Failed(int code) => new(code, default);
}
