using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// Lets the server (and <c>xiqing serve</c>) run under a service manager: systemd (a <c>Type=notify</c> unit is told
/// when the server is ready and when it stops; logs go to the journal without colour) and the Windows Service
/// Control Manager (start, stop, event log). Each is a no-op when the process was not started by it, so a
/// terminal run is unchanged.
/// </summary>
internal static class ServiceManagers
{
    public static WebApplicationBuilder UseServiceManagers(this WebApplicationBuilder builder)
    {
        builder.Host.UseSystemd();
        builder.Host.UseWindowsService();
        return builder;
    }
}
