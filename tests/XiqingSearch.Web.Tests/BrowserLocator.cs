namespace XiqingSearch.Web.Tests;

/// <summary>
/// Finds the Chromium-family browser the tests drive (Playwright downloads none): <c>XIQING_BROWSER</c> (a path,
/// or a name looked up on <c>PATH</c>), else the first of chromium, chromium-browser, google-chrome, chrome, msedge
/// on <c>PATH</c>, so the tests run wherever one of them is installed, on Linux, Windows or macOS.
/// </summary>
internal static class BrowserLocator
{
    public const string EnvironmentVariable = "XIQING_BROWSER";

    private static readonly string[] s_names =
        ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge", "microsoft-edge"];

    /// <summary>The browser's full path; throws with what was tried when there is none.</summary>
    public static string Find()
    {
        var named = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            return File.Exists(named) ? Path.GetFullPath(named)
                : OnPath(named) ?? throw new InvalidOperationException(
                    $"{EnvironmentVariable}={named} is neither a file nor a program on PATH.");
        }
        foreach (var name in s_names)
        {
            if (OnPath(name) is { } found)
            {
                return found;
            }
        }
        throw new InvalidOperationException(
            $"No browser for the web tests: none of {string.Join(", ", s_names)} is on PATH. Install Chromium, Chrome or "
            + $"Edge, or set {EnvironmentVariable} to the browser's executable.");
    }

    private static string? OnPath(string name)
    {
        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", "" } : [""];
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(folder, name + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
