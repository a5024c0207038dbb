using System.CommandLine;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Search.Analytics;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// <c>xiqing compare PHRASE... [--file LIST]</c>: each phrase's occurrences year by year, counted exactly as
/// <c>xiqing search PHRASE --year Y</c> counts them. Exit 0 when some phrase occurs, 1 when none does.
/// </summary>
internal static class CompareCommand
{
    private const string Examples = """
        xiqing compare 天开西青园 京津冀协同发展 高质量发展
        xiqing compare --file phrases.txt --format csv > compare.csv
        xiqing compare 乡村振兴 营商环境 --topic 乡村振兴 --multi-year own
        xiqing compare 碳达峰 --year 2023..2025 --format json

        --file reads one phrase per line (UTF-8; blank lines and lines starting with # are skipped; - is stdin).
        Exit codes: 0 some phrase occurs, 1 none does, 2 usage or query error, 3 internal error.
        """;

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var phrases = new Argument<string[]>("PHRASE")
        {
            Description = "Phrases (queries) to compare; bare Chinese text is an exact phrase.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var file = new Option<string>("--file") { Description = "Read more phrases from this file, one per line (- for stdin).", HelpName = "LIST" };
        // The filters of search, from the same declarations as search's options and HTTP's parameters.
        var filters = DeclaredOptions.Filters("compare", RequestDeclarations.Filters);
        var multiYear = DeclaredOptions.Single("compare", AnalyticsDeclarations.CompareMultiYear);
        var format = AnalyticsOptions.Format(docx: true);
        var outputFile = OutputFile.Option();
        var locations = new LocationOptions();

        var command = new Command("compare", "Compare phrases year by year: occurrences, paragraphs, documents and per 10,000 characters.")
        {
            phrases, file,
        };
        foreach (var option in filters.All)
        {
            command.Add(option);
        }
        command.Add(multiYear);
        command.Add(format);
        command.Add(outputFile);
        locations.AddTo(command);
        var groups = CallerOption.Create();
        command.Add(groups);
        UsageErrors.RefuseOptionsAsPhrases(phrases, command);
        command.SetAction(parseResult => CommandRunner.Run(() =>
        {
            var all = new List<string>(parseResult.GetValue(phrases) ?? []);
            if (parseResult.GetValue(file) is { } path)
            {
                all.AddRange(ReadList(path));
            }
            var request = new CompareRequest
            {
                Phrases = all,
                Filters = filters.Read(parseResult),
                MultiYear = CommandRunner.Unwrap(AnalyticsDeclarations.ParseMultiYear(AnalyticsDeclarations.CompareMultiYear, parseResult.GetValue(multiYear))),
                Caller = CallerOption.Of(parseResult, groups),
            };
            var formatName = parseResult.GetValue(format);
            if (formatName == "docx")
            {
                DocxOutput.Check(parseResult.GetValue(outputFile));
            }
            using var engine = EngineLoader.Open(locations.ResolveForReading(parseResult));
            var result = CommandRunner.Unwrap(engine.Compare(request));
            if (formatName == "docx")
            {
                DocxOutput.Write(stream => Core.Export.WordExport.WriteCompare(result, stream), parseResult.GetValue(outputFile));
            }
            else
            {
                AnalyticsOptions.Write(result, formatName, parseResult.GetValue(outputFile), CompareRenderer.WriteCsv, CompareRenderer.WriteText);
            }
            return result.Rows.Any(r => r.Total > 0) ? ExitCodes.Success : ExitCodes.NoHits;
        }));
        return ExamplesHelpAction.WithExamples(command, Examples);
    }

    private static IEnumerable<string> ReadList(string path)
    {
        string text;
        try
        {
            text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new XiqingException(new Problem(ProblemCodes.BadParameter, $"Cannot read the phrase list: {e.Message}", path).With(("reason", "phrase-list-unreadable")));
        }
        return text.Split('\n').Select(l => l.Trim().TrimStart('\uFEFF')).Where(l => l.Length > 0 && !l.StartsWith('#'));
    }
}
