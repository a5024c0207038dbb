using System.CommandLine;
using XiqingSearch.Cli.Rendering;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// <c>--output FILE</c>, which every verb with a <c>--format</c> takes: the result written as UTF-8 (a CSV writes
/// its own BOM), never coloured, whatever the shell would have done with <c>&gt;</c>.
/// </summary>
internal static class OutputFile
{
    /// <summary>A new <c>--output</c>/<c>-o</c> option (one per command: a symbol belongs to one parent).</summary>
    public static Option<string> Option() => new("--output", "-o")
    {
        Description = "Write the result to this file (UTF-8; csv with a BOM; no colour) instead of standard output, whatever the shell's encoding.",
        HelpName = "FILE",
    };

    /// <summary>
    /// Renders to <paramref name="path"/> when one was given, else to standard output (styled when it is a terminal).
    /// The whole result goes to a temporary file beside the target, renamed over it when complete, so a failed
    /// write never leaves half a file under the asked-for name.
    /// </summary>
    public static void Render(string? path, Action<TextWriter, Func<TextWriter, StyledWriter>> render)
    {
        if (string.IsNullOrEmpty(path))
        {
            render(Console.Out, StyledWriter.ForStdout);
            Console.Out.Flush();
            return;
        }
        var full = Path.GetFullPath(path);
        var temporary = full + "." + Environment.ProcessId + ".tmp";
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" })
            {
                render(writer, StyledWriter.Plain);
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
