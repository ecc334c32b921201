namespace Hotline.Silo.WebConsole;

/// <summary>Names of the HTTP port's authentication schemes and console claims.</summary>
internal static class ConsoleSchemes
{
    /// <summary>The web console's session cookie (signed and encrypted by ASP.NET Core data protection).</summary>
    public const string Cookie = "HotlineConsole";

    /// <summary>Picks per request: a bearer token when an Authorization header is sent, else the console cookie.</summary>
    public const string TokenOrCookie = "HotlineStaff";

    /// <summary>The liaison's department id.</summary>
    public const string DepartmentClaim = "hotline:department";

    public const string CookieName = "hotline_console";
}
