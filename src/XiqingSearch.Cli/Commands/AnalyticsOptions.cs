using System.CommandLine;
using System.Text.Json;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Json;

namespace XiqingSearch.Cli.Commands;

/// <summary>Options shared by the year-by-year verbs (<c>compare</c>, <c>new-terms</c>).</summary>
internal static class AnalyticsOptions
{
    /// <param name="docx">Whether a Word document (<c>docx</c>) is one of the formats.</param>
    public static Option<string> Format(bool docx = false)
    {
        var format = new Option<string>("--format")
        {
            Description = docx
                ? "text (default), json (the result model, as the HTTP API returns it), csv (UTF-8 with BOM) or docx (a Word table; to a redirected standard output)."
                : "text (default), json (the result model, as the HTTP API returns it) or csv (UTF-8 with BOM).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(docx ? ["text", "json", "csv", "docx"] : ["text", "json", "csv"]);
        return format;
    }

    /// <summary>
    /// Writes a year-by-year result in the chosen format (text unless json or csv), to <paramref name="path"/>
    /// when given, else to standard output.
    /// </summary>
    public static void Write<T>(T result, string? format, string? path, Action<T, TextWriter> csv, Action<T, StyledWriter> text) =>
        OutputFile.Render(path, (output, styled) =>
        {
            switch (format)
            {
                case "json":
                    output.Write(JsonSerializer.Serialize(result, XiqingJson.Indented));
                    output.Write('\n');
                    break;
                case "csv":
                    csv(result, output);
                    break;
                default:
                    text(result, styled(output));
                    break;
            }
            output.Flush();
        });
}
