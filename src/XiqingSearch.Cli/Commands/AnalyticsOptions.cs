using System.CommandLine;
using System.Text.Json;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Commands;

/// <summary>Options shared by the year-by-year verbs (<c>compare</c>, <c>new-terms</c>).</summary>
internal static class AnalyticsOptions
{
    public static Option<string[]> Years()
    {
        var years = new Option<string[]>("--year")
        {
            Description = "Keep these years: 2024 or 2021..2023; repeat for more (OR).",
            HelpName = "Y|FROM..TO",
        };
        years.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!YearRange.TryParse(value, out _))
                {
                    result.AddError($"--year: '{value}' is not a year (2024) or a range of years (2021..2023).");
                }
            }
        });
        return years;
    }

    public static Option<string> MultiYear(string description) => new("--multi-year")
    {
        Description = description,
        DefaultValueFactory = _ => "first-year",
    };

    public static Option<string> Format()
    {
        var format = new Option<string>("--format")
        {
            Description = "text (default), json (the result model, as the HTTP API returns it) or csv (UTF-8 with BOM).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "csv");
        return format;
    }

    // The validator has already refused malformed years, so this cannot fail.
    public static YearRange ParseYear(string text) =>
        YearRange.TryParse(text, out var range) ? range : throw new InvalidOperationException($"unvalidated year '{text}'");

    /// <summary>Writes a year-by-year result to standard output in the chosen format (text unless json or csv).</summary>
    public static void Write<T>(T result, string? format, Action<T, TextWriter> csv, Action<T, StyledWriter> text)
    {
        var output = Console.Out;
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
                text(result, StyledWriter.ForStdout(output));
                break;
        }
        output.Flush();
    }
}
