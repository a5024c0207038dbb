using System.Diagnostics;

namespace XiqingSearch.Core.Ingestion.Ocr;

/// <summary>
/// Runs one external tool (<c>pdftoppm</c>, <c>tesseract</c>) as a real process, bounded in time and output: past
/// its deadline the whole process tree is killed, and output beyond a limit kills it too, so no page can stall or
/// flood a build.
/// </summary>
internal static class OcrProcess
{
    /// <summary>What a run produced.</summary>
    /// <param name="ExitCode">The exit code; -1 when killed.</param>
    /// <param name="Output">Standard output, decoded as UTF-8.</param>
    /// <param name="Error">The first part of standard error, for the reason of a failure.</param>
    /// <param name="TimedOut">True when killed at the deadline.</param>
    /// <param name="TooLong">True when killed for writing more than the limit.</param>
    public sealed record Run(int ExitCode, string Output, string Error, bool TimedOut, bool TooLong)
    {
        public bool Succeeded => ExitCode == 0 && !TimedOut && !TooLong;
    }

    /// <summary>Runs <paramref name="executable"/> with <paramref name="arguments"/> (passed as a list: no shell,
    /// no quoting) until it exits or <paramref name="timeout"/> passes.</summary>
    public static Run Start(string executable, IReadOnlyList<string> arguments, TimeSpan timeout, int maxOutputBytes)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // Tesseract's own threads would fight the pages recognised in parallel: one thread each, one page per core.
        info.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{executable} did not start");
        process.StandardInput.Close();
        var tooLong = false;
        var output = ReadBounded(process.StandardOutput, maxOutputBytes, () =>
        {
            tooLong = true;
            Kill(process);
        });
        var error = ReadBounded(process.StandardError, 8192, () => { });
        var exited = process.WaitForExit(timeout <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : timeout);
        if (!exited)
        {
            Kill(process);
        }
        // The readers end when the pipes close, which the kill guarantees.
        var outputText = output.Result;
        var errorText = error.Result;
        return new Run(exited && !tooLong ? process.ExitCode : -1, outputText, errorText, !exited, tooLong);
    }

    /// <summary>Reads a stream to its end on a worker, keeping at most <paramref name="limit"/> characters and
    /// calling <paramref name="over"/> once when the limit is passed (the rest is drained and dropped).</summary>
    private static Task<string> ReadBounded(StreamReader reader, int limit, Action over) => Task.Run(() =>
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        var passed = false;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length + read > limit)
            {
                if (!passed)
                {
                    passed = true;
                    over();
                }
                continue;
            }
            text.Append(buffer, 0, read);
        }
        return text.ToString();
    });

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // It is already being torn down.
        }
    }

    /// <summary>The full path of <paramref name="tool"/>: itself when it is a path to a file, else the first match on
    /// <c>PATH</c>; null when not found.</summary>
    public static string? Locate(string tool)
    {
        if (tool.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || tool.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(tool) ? Path.GetFullPath(tool) : null;
        }
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator,
            StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe"))
            {
                return candidate + ".exe";
            }
        }
        return null;
    }
}
