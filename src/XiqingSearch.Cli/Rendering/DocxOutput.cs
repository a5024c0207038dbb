namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// Where <c>--format docx</c> goes: a Word document is binary, so it is written to <c>--output FILE</c> (whole, then
/// renamed over the target, so a failed write leaves no half file) or to standard output only when that is
/// redirected to a file or a pipe; to a terminal it is refused before any search runs.
/// </summary>
internal static class DocxOutput
{
    /// <summary>Refuses a terminal as the destination: checked before the engine is opened.</summary>
    public static void Check(string? path)
    {
        if (string.IsNullOrEmpty(path) && !Console.IsOutputRedirected)
        {
            throw new XiqingException(new Problem(ProblemCodes.BadParameter,
                "--format docx writes a Word file: give --output FILE.docx (or redirect standard output to a file); it is not written to a terminal.")
                .With(("reason", "docx-needs-file")) with
            {
                Parameter = RequestParameter.Output,
            });
        }
    }

    /// <summary>Writes the document made by <paramref name="write"/> to <paramref name="path"/>, or to standard output.</summary>
    public static void Write(Action<Stream> write, string? path)
    {
        Check(path);
        if (string.IsNullOrEmpty(path))
        {
            using var stdout = Console.OpenStandardOutput();
            write(stdout);
            return;
        }
        var full = Path.GetFullPath(path);
        var temporary = full + "." + Environment.ProcessId + ".tmp";
        try
        {
            using (var file = File.Create(temporary))
            {
                write(file);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
            throw new XiqingException(new Problem(ProblemCodes.BadParameter, $"cannot write {full}: {e.Message}").With(("reason", "cannot-write"), ("path", full)) with { Parameter = RequestParameter.Output });
        }
    }
}
