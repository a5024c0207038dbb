using System.CommandLine;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Search.Analytics;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// <c>xiqing new-terms --year Y</c>: the terms that appear in year Y (none of the earlier years has them) and those
/// gone from Y on. Exit 0 when either list has a term, 1 when both are empty.
/// </summary>
internal static class NewTermsCommand
{
    private const string Examples = """
        xiqing new-terms --year 2025
        xiqing new-terms --year 2025 --since 2023 --limit 50
        xiqing new-terms --year 2024 --multi-year exclude --format csv > new-2024.csv

        Exit codes: 0 terms found, 1 none, 2 usage error (a year without documents), 3 internal error.
        """;

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "The year to look at.", HelpName = "Y", Required = true };
        var since = new Option<int?>("--since") { Description = "Compare with the years from this one on (default: the first year indexed).", HelpName = "Y" };
        var limit = new Option<int>("--limit")
        {
            Description = $"Terms per list (1..{NewTermsRequest.MaxLimit}).",
            HelpName = "N",
            DefaultValueFactory = _ => 20,
        };
        var multiYear = AnalyticsOptions.MultiYear("Where the 2021–2025 plan counts: first-year (default, as search counts it) or exclude.");
        multiYear.AcceptOnlyFromAmong("first-year", "exclude");
        var format = AnalyticsOptions.Format();
        var outputFile = OutputFile.Option();
        var locations = new LocationOptions();

        var command = new Command("new-terms", "Terms new in a year (absent from every earlier year), and terms gone from it.")
        {
            year, since, limit, multiYear, format, outputFile,
        };
        locations.AddTo(command);
        var groups = CallerOption.Create();
        command.Add(groups);
        command.SetAction(parseResult => CommandRunner.Run(() =>
        {
            // The option accepts only the known names (and defaults to one), so the parse cannot fail.
            _ = MultiYearModes.TryParse(parseResult.GetValue(multiYear), out var mode);
            var request = new NewTermsRequest
            {
                Year = parseResult.GetValue(year),
                Since = parseResult.GetValue(since),
                Limit = parseResult.GetValue(limit),
                MultiYear = mode,
                Caller = CallerOption.Of(parseResult, groups),
            };
            using var engine = EngineLoader.Open(locations.ResolveForReading(parseResult));
            var result = CommandRunner.Unwrap(engine.NewTerms(request));
            AnalyticsOptions.Write(result, parseResult.GetValue(format), parseResult.GetValue(outputFile), NewTermsRenderer.WriteCsv, NewTermsRenderer.WriteText);
            return result.Appeared.Count + result.Disappeared.Count > 0 ? ExitCodes.Success : ExitCodes.NoHits;
        }));
        return ExamplesHelpAction.WithExamples(command, Examples);
    }
}
