using System.Net;
using XiqingSearch.Core.Access;
using XiqingSearch.Server.Auth.Callers;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Auth;

/// <summary>
/// <c>Xiqing:Auth:Mode=header</c>: a reverse proxy that has signed the user in (IIS with Windows authentication,
/// nginx with <c>auth_request</c> to a portal's sign-on, a CAS gateway) names the user in <c>X-Remote-User</c> and
/// their groups, comma-separated, in <c>X-Remote-Groups</c> (names configurable). Each value is ASCII or UTF-8
/// percent-encoded (<c>%E8%A7%84%E5%88%92%E7%A7%91</c> is 规划科), so a group with a Chinese name passes through any
/// proxy. The headers count only on a connection from one of <c>Xiqing:Auth:TrustedProxies</c>: from anywhere
/// else anybody could write them, so they are ignored and the caller is anonymous.
/// </summary>
internal sealed class HeaderSignIn(RequestDelegate next, ServerSettings settings)
{
    /// <summary>Longest header value read; a longer one is a broken proxy, and the caller is anonymous.</summary>
    private const int MaxHeaderLength = 8 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        if (settings.AuthMode == AuthModes.Header && FromTrustedProxy(context.Connection.RemoteIpAddress, settings.TrustedProxies)
            && CallerOf(context.Request.Headers[settings.UserHeader].ToString(), context.Request.Headers[settings.GroupsHeader].ToString()) is { } caller)
        {
            context.SetCaller(caller);
        }
        return next(context);
    }

    /// <summary>
    /// The caller the headers name: null when there is no user (an anonymous caller), or a value is too long or
    /// not valid percent-encoded UTF-8.
    /// </summary>
    internal static Caller? CallerOf(string user, string groups)
    {
        if (user.Length > MaxHeaderLength || groups.Length > MaxHeaderLength)
        {
            return null;
        }
        var name = Decode(user.Trim());
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var decoded = new List<string>();
        // Split first, then decode: a comma inside a name is sent as %2C and stays in the name.
        foreach (var part in groups.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Decode(part) is not { } group)
            {
                return null;
            }
            decoded.Add(group);
        }
        return Caller.InGroups(name, decoded);
    }

    internal static bool FromTrustedProxy(IPAddress? remote, IReadOnlyList<IPAddress> trusted)
    {
        if (remote is null || trusted.Count == 0)
        {
            return false;
        }
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }
        return trusted.Contains(remote);
    }

    /// <summary>An ASCII or percent-encoded UTF-8 value decoded; null for raw non-ASCII, bytes that are not UTF-8, or a control character.</summary>
    private static string? Decode(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            // Raw non-ASCII in a header has no known encoding (Latin-1 to one proxy, UTF-8 to another): not trusted.
            return value.Any(c => char.IsControl(c) || c > 0x7F) ? null : value;
        }
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length
                && byte.TryParse(value.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else if (c > 0x7F)
            {
                return null; // raw non-ASCII in a header: its encoding is unknown
            }
            else
            {
                bytes.Add((byte)c);
            }
        }
        try
        {
            var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
            return text.Any(char.IsControl) ? null : text;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }
}
