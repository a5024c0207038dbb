using System.Net;

namespace XiqingSearch.Server.Auth;

/// <summary>
/// The sign-in's refusals: their Chinese messages (the people who read them are the intranet's users), and the
/// answers — problem JSON for API clients, a short Chinese page for a browser asking for a page. Their codes and
/// statuses are declared with the server's other problems (<see cref="ServerProblems"/>).
/// </summary>
internal static class AuthProblems
{
    public const string BadApiKeyMessage = "API 密钥无效：请检查请求头 X-Api-Key 中的密钥，或向管理员申请新的密钥。";
    public const string BadTokenMessage = "访问令牌无效或已过期：请重新登录，或从统一身份认证重新获取令牌。";
    public const string SignInRequiredMessage = "请先登录：本服务不对匿名用户开放。";
    public const string CrossSiteMessage = "拒绝跨站请求：修改数据的操作必须从本站页面发起，或携带令牌（X-Api-Key、Authorization）。";

    /// <summary>403 for a signed-in caller outside <paramref name="group"/>.</summary>
    public static string ForbiddenMessage(string group) => $"没有权限：此操作仅限“{group}”组的成员。";

    /// <summary>
    /// Writes the refusal <paramref name="code"/> (one of <see cref="ServerProblems"/>' <c>auth.</c> codes, which
    /// carry their status): a page when a browser navigates to a page (not <c>/api/</c>, accepts HTML), with a
    /// sign-in link when <paramref name="signInUrl"/> is given; problem JSON otherwise.
    /// </summary>
    public static Task WriteAsync(HttpContext context, string code, string message, string? signInUrl = null)
    {
        var request = context.Request;
        var wantsPage = HttpMethods.IsGet(request.Method) && !request.Path.StartsWithSegments("/api")
            && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (!wantsPage)
        {
            return ProblemMapper.ToResult(new Problem(code, message)).ExecuteAsync(context);
        }
        var status = ProblemMapper.StatusFor(code);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var link = signInUrl is null
            ? "<p>请通过单位门户或统一身份认证登录后再访问。</p>"
            : $"<p><a href=\"{WebUtility.HtmlEncode(signInUrl)}\">登录</a></p>";
        // No inline style or script: the CSP of every answer (script-src/style-src 'self') holds here too.
        return context.Response.WriteAsync($"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{(status == 401 ? "需要登录" : "没有权限")} · 西青政策文件检索</title></head>
            <body><main><h1>{(status == 401 ? "需要登录" : "没有权限")}</h1><p>{WebUtility.HtmlEncode(message)}</p>{link}</main></body></html>
            """);
    }
}
