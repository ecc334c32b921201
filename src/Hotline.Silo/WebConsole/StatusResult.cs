namespace Hotline.Silo.WebConsole;

/// <summary>Another result sent with a different status code (a sign-in page answering 401 or 429).</summary>
internal sealed class StatusResult(IResult inner, int statusCode) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        return inner.ExecuteAsync(httpContext);
    }
}
