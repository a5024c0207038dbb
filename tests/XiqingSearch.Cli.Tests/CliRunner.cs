using System.Diagnostics;
using System.Text;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Cli.Tests;

/// <summary>
/// Runs <c>dotnet xiqing.dll …</c> as a child process, the way people run it: real arguments, real streams
/// (redirected, so not a terminal), a chosen working directory and environment.
/// </summary>
public static class CliRunner
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    /// <summary>The CLI assembly copied next to the tests by the project reference.</summary>
    public static string XiqingDll { get; } = Path.Combine(AppContext.BaseDirectory, "xiqing.dll");

    /// <summary>Runs xiqing in <paramref name="workingDirectory"/> with <paramref name="args"/>.</summary>
    public static CliRun Run(string workingDirectory, IEnumerable<string> args,
        IReadOnlyDictionary<string, string?>? environment = null, string? stdin = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(XiqingDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // The tests decide the locations; whatever the developer's shell has must not leak in.
        foreach (var name in new[] { "XIQING_SEEDS", "XIQING_INDEX", "XIQING_SMARTCN_JAR", "NO_COLOR", "XIQING_DEBUG", "XIQING_LANG", "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var stdout = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var readErr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }
        process.StandardInput.Close();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"xiqing {string.Join(' ', args)} did not finish in {s_timeout}");
        }
        copyOut.Wait();
        return new CliRun(process.ExitCode, stdout.ToArray(), readErr.Result);
    }

    /// <summary>Runs xiqing with the arguments given.</summary>
    public static CliRun Run(string workingDirectory, params string[] args) => Run(workingDirectory, (IEnumerable<string>)args);
}
