using System.Net;
using System.Text;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// The console's HTML frame. Pages are plain server-rendered HTML with no inline script or style (the content
/// security policy forbids both); every value that a user wrote passes through <see cref="E"/>.
/// </summary>
internal static class PageLayout
{
    /// <summary>HTML-escapes text for element content and quoted attribute values.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static IResult Page(string title, ConsoleUser? user, string body, params string[] scripts)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · 12345 热线</title>")
            .Append("<link rel=\"stylesheet\" href=\"/console/console.css\"></head><body>");
        html.Append("<header class=\"bar\"><span class=\"brand\">12345 政务服务便民热线</span><span class=\"page-title\">").Append(E(title)).Append("</span>");
        if (user is not null)
        {
            html.Append("<nav>").Append(Nav(user)).Append("</nav>")
                .Append("<span class=\"who\" id=\"who\" data-id=\"").Append(E(user.Id)).Append("\">").Append(E(user.Id)).Append("（").Append(user.RoleLabel).Append("）</span>")
                .Append("<form method=\"post\" action=\"/signout\" class=\"signout\"><button type=\"submit\" accesskey=\"q\">退出登录</button></form>");
        }

        html.Append("</header><main>").Append(body).Append("</main>");
        foreach (var script in scripts)
        {
            html.Append("<script src=\"/console/").Append(E(script)).Append("\"></script>");
        }

        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string Nav(ConsoleUser user) => user.Role switch
    {
        Staff.ConsoleRole.Supervisor => "<a href=\"/wallboard\">监控大屏</a><a href=\"/agent\">坐席工作台</a><a href=\"/reports\">统计报表</a>",
        Staff.ConsoleRole.Agent => "<a href=\"/agent\">坐席工作台</a>",
        Staff.ConsoleRole.Liaison => "<a href=\"/liaison\">本部门工单</a>",
        _ => "<a href=\"/reports\">统计报表</a>",
    };
}
