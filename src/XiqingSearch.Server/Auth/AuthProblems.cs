using System.Net;
using XiqingSearch.Core.Problems;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server.Auth;

/// <summary>
/// The sign-in's refusals: problem codes, their Chinese messages (the people who read them are the intranet's
/// users), and the answers — problem JSON for API clients, a short Chinese page for a browser asking for a page.
/// </summary>
internal static class AuthProblems
{
    /// <summary>An <c>X-Api-Key</c> that is not one of the keys file's: 401.</summary>
    public const string BadApiKey = "auth.bad-api-key";

    /// <summary>A bearer token the OpenID provider did not sign, expired, or for another audience: 401.</summary>
    public const string BadToken = "auth.bad-token";

    /// <summary>Anonymous callers are not served (<c>Xiqing:Auth:AllowAnonymous</c> = false): 401.</summary>
    public const string SignInRequired = "auth.sign-in-required";

    /// <summary>Signed in, but not in the group the action needs: 403.</summary>
    public const string Forbidden = "auth.forbidden";

    /// <summary>A state-changing request from another site carrying no token (CSRF): 403.</summary>
    public const string CrossSite = "auth.cross-site";

    public const string BadApiKeyMessage = "API 密钥无效：请检查请求头 X-Api-Key 中的密钥，或向管理员申请新的密钥。";
    public const string BadTokenMessage = "访问令牌无效或已过期：请重新登录，或从统一身份认证重新获取令牌。";
    public const string SignInRequiredMessage = "请先登录：本服务不对匿名用户开放。";
    public const string CrossSiteMessage = "拒绝跨站请求：修改数据的操作必须从本站页面发起，或携带令牌（X-Api-Key、Authorization）。";

    /// <summary>403 for a signed-in caller outside <paramref name="group"/>.</summary>
    public static string ForbiddenMessage(string group) => $"没有权限：此操作仅限“{group}”组的成员。";

    /// <summary>The problem as JSON with <paramref name="status"/>.</summary>
    public static IResult Json(string code, string message, int status) =>
        TypedResults.Json(ProblemMapper.ToBody(new Problem(code, message)), statusCode: status);

    /// <summary>
    /// Writes the refusal: a page when a browser navigates to a page (not <c>/api/</c>, accepts HTML), with a
    /// sign-in link when <paramref name="signInUrl"/> is given; problem JSON otherwise.
    /// </summary>
    public static Task WriteAsync(HttpContext context, string code, string message, int status, string? signInUrl = null)
    {
        var request = context.Request;
        var wantsPage = HttpMethods.IsGet(request.Method) && !request.Path.StartsWithSegments("/api")
            && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (!wantsPage)
        {
            return Json(code, message, status).ExecuteAsync(context);
        }
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
