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
        var year = DeclaredOptions.Single("new-terms", AnalyticsDeclarations.NewTermsYear);
        year.Required = true;
        var since = DeclaredOptions.Single("new-terms", AnalyticsDeclarations.Since);
        var limit = DeclaredOptions.Single("new-terms", AnalyticsDeclarations.NewTermsLimit);
        var multiYear = DeclaredOptions.Single("new-terms", AnalyticsDeclarations.NewTermsMultiYear);
        // The filters of search but the year, which is the verb's subject.
        var filters = DeclaredOptions.Filters("new-terms", RequestDeclarations.FiltersWithoutYear);
        var format = AnalyticsOptions.Format();
        var outputFile = OutputFile.Option();
        var locations = new LocationOptions();

        var command = new Command("new-terms", "Terms new in a year (absent from every earlier year), and terms gone from it.")
        {
            year, since, limit, multiYear,
        };
        foreach (var option in filters.All)
        {
            command.Add(option);
        }
        command.Add(format);
        command.Add(outputFile);
        locations.AddTo(command);
        var groups = CallerOption.Create();
        command.Add(groups);
        command.SetAction(parseResult => CommandRunner.Run(() =>
        {
            var sinceText = parseResult.GetValue(since);
            var request = new NewTermsRequest
            {
                Year = DeclaredOptions.Integer(parseResult, year, AnalyticsDeclarations.NewTermsYear),
                Since = string.IsNullOrWhiteSpace(sinceText) ? null : DeclaredOptions.Integer(parseResult, since, AnalyticsDeclarations.Since),
                Limit = DeclaredOptions.Integer(parseResult, limit, AnalyticsDeclarations.NewTermsLimit),
                MultiYear = CommandRunner.Unwrap(AnalyticsDeclarations.ParseMultiYear(AnalyticsDeclarations.NewTermsMultiYear, parseResult.GetValue(multiYear))),
                Filters = filters.Read(parseResult),
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
