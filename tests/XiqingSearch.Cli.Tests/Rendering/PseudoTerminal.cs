using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Cli.Tests.Rendering;

/// <summary>
/// Runs xiqing with its standard output on a pseudo-terminal of a chosen width, as a person at a terminal sees it:
/// util-linux <c>script</c> allocates the pty, <c>stty cols</c> sets its width, and the transcript is read back
/// with the ANSI styles stripped.
/// </summary>
public static partial class PseudoTerminal
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    /// <summary>True where <c>script</c> exists (Linux; util-linux is essential on Debian).</summary>
    public static bool IsAvailable => !OperatingSystem.IsWindows() && File.Exists("/usr/bin/script");

    /// <summary>The screen lines (styles removed, CR dropped) and the raw transcript.</summary>
    public static (string[] Lines, string Raw) Run(string workingDirectory, int columns, params string[] args) =>
        Run(workingDirectory, columns, null, args);

    /// <summary>As <see cref="Run(string, int, string[])"/>, with variables added to the environment.</summary>
    public static (string[] Lines, string Raw) Run(string workingDirectory, int columns,
        IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var command = new StringBuilder($"stty cols {columns} rows 50; exec dotnet {Quote(CliRunner.XiqingDll)}");
        foreach (var arg in args)
        {
            command.Append(' ').Append(Quote(arg));
        }
        var start = new ProcessStartInfo("script")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in new[] { "-q", "-e", "-c", command.ToString(), "/dev/null" })
        {
            start.ArgumentList.Add(a);
        }
        foreach (var name in new[] { "XIQING_SEEDS", "XIQING_INDEX", "XIQING_SMARTCN_JAR", "NO_COLOR", "XIQING_DEBUG", "XIQING_LANG", "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            start.Environment.Remove(name);
        }
        start.Environment["TERM"] = "xterm-256color";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("script did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Close();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("xiqing under a pty did not finish");
        }
        var raw = stdout.Result;
        var plain = Ansi().Replace(raw, "").Replace("\r", "", StringComparison.Ordinal);
        return (plain.Split('\n'), raw);
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"\x1B(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex Ansi();
}
