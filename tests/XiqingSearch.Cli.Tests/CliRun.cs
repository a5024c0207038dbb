using System.Text;

namespace XiqingSearch.Cli.Tests;

/// <summary>What one run of the real <c>xiqing</c> process produced.</summary>
public sealed record CliRun(int ExitCode, byte[] StdoutBytes, string Stderr)
{
    /// <summary>Standard output decoded as UTF-8 (a BOM, if any, kept as U+FEFF).</summary>
    public string Stdout => new UTF8Encoding(false).GetString(StdoutBytes);

    /// <summary>Standard output split into lines (no trailing empty line).</summary>
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <inheritdoc/>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
