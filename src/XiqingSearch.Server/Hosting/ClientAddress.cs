using System.Net;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// Who a request comes from, for per-client limits. The connection's address, unless that is one of the trusted
/// proxies (<c>Xiqing:Auth:TrustedProxies</c>, <c>--trusted-proxy</c>): then the client its <c>X-Forwarded-For</c>
/// names, read from the right and skipping the trusted proxies themselves (a client can write anything at the
/// left of the header, but each proxy appends the address it saw). Behind a proxy every connection comes from the
/// proxy, so without this one client's wrong admin keys would lock every client out.
/// </summary>
internal static class ClientAddress
{
    /// <summary>The client's address as a partition key.</summary>
    public static string Of(HttpContext context, IReadOnlyList<IPAddress> trustedProxies)
    {
        var remote = Normalise(context.Connection.RemoteIpAddress);
        if (remote is null)
        {
            return "unknown";
        }
        if (trustedProxies.Count == 0 || !trustedProxies.Contains(remote))
        {
            return remote.ToString();
        }
        var forwarded = context.Request.Headers["X-Forwarded-For"];
        // All X-Forwarded-For headers joined in order, then read from the last hop back.
        var hops = string.Join(',', forwarded.Where(v => v is not null)).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var hop))
            {
                // Not an address (a client's invention, or an obfuscated identifier): the proxy's own address stands.
                break;
            }
            hop = Normalise(hop)!;
            if (!trustedProxies.Contains(hop))
            {
                return hop.ToString();
            }
        }
        return remote.ToString();
    }

    /// <summary>The addresses of a list setting; an entry that is not an address is reported by <paramref name="invalid"/>.</summary>
    public static IReadOnlyList<IPAddress> Parse(IEnumerable<string> entries, Action<string> invalid)
    {
        var addresses = new List<IPAddress>();
        foreach (var entry in entries)
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                addresses.Add(Normalise(address)!);
            }
            else
            {
                invalid(entry);
            }
        }
        return addresses;
    }

    // ::ffff:10.0.0.1 (a dual-stack socket's view of an IPv4 peer) is 10.0.0.1.
    private static IPAddress? Normalise(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
