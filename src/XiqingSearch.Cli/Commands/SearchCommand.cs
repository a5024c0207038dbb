using System.CommandLine;
using System.Text.Json;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Export;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Json;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// <c>xiqing search QUERY</c>: runs one query and renders it as text, JSON, CSV or KWIC.
/// Exit 0 with hits, 1 without, 2 for a usage or query error (the query is shown with a caret).
/// </summary>
internal static class SearchCommand
{
    private const string Examples = """
        xiqing search 天开西青园
        xiqing search 天开西青园 --year 2021..2023 --sort year
        xiqing search 营商环境 --year 2024 --year unknown --issuer 国务院
        xiqing search "智能制造 AND 园区" --topic 科技创新 --format kwic
        xiqing search 乡村振兴 --doc 003_7844a359d923be1e --all --format csv --output 乡村振兴.csv
        xiqing search 营商环境 --format json | jq .totalHits
        xiqing search 天开西青园 --ocr --exclude-ocr      (exact text only, no scans)

        Exit codes: 0 hits found, 1 no hits, 2 usage or query error, 3 internal error.
        """;

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var query = new Argument<string>("QUERY")
        {
            Description = "The query: words, \"exact phrases\", AND / OR / NOT, parentheses.",
        };
        var filters = DeclaredOptions.Filters("search", RequestDeclarations.Filters);
        filters.Of(RequestDeclarations.Doc).CompletionSources.Add(context => DocumentIds(context.ParseResult));
        var excludeOcr = DeclaredOptions.Switch("search", RequestDeclarations.Ocr,
            "Keep only exact text: leave out paragraphs recognised from scans (as ocr:false in the query).");
        var exact = DeclaredOptions.Switch("search", RequestDeclarations.Exact);
        var sort = DeclaredOptions.Single("search", RequestDeclarations.Sort);
        var limit = DeclaredOptions.Single("search", RequestDeclarations.Limit,
            $"Hits per page ({SearchLimits.MinLimit}..{SearchLimits.MaxLimit}); kwic defaults to every hit; csv and docx always hold every hit; --all for every hit.");
        var all = DeclaredOptions.Switch("search", RequestDeclarations.All);
        var facetSize = DeclaredOptions.Single("search", RequestDeclarations.FacetSize);
        var offset = DeclaredOptions.Single("search", RequestDeclarations.Offset);
        var format = DeclaredOptions.Single("search", RequestDeclarations.Format);
        var outputFile = OutputFile.Option();
        var csvHeader = DeclaredOptions.Single("search", RequestDeclarations.CsvHeader);
        var locations = new LocationOptions();

        var command = new Command("search", "Search the documents; every occurrence is highlighted.")
        {
            query,
        };
        foreach (var option in filters.All)
        {
            command.Add(option);
        }
        foreach (Option option in new Option[] { excludeOcr, exact, sort, limit, all, offset, facetSize, format, outputFile, csvHeader })
        {
            command.Add(option);
        }
        locations.AddTo(command);
        var groups = CallerOption.Create();
        command.Add(groups);

        command.SetAction(parseResult => CommandRunner.Run(() =>
        {
            var formatName = parseResult.GetValue(format) ?? "text";
            // An export (CSV, Word) holds every hit the query and filters select, whatever the page, as HTTP's
            // format=csv and format=docx do: --limit and --offset bound a view (text, json, kwic) only.
            var isExport = formatName is "csv" or "docx";
            if (formatName == "docx")
            {
                DocxOutput.Check(parseResult.GetValue(outputFile));
            }
            var limitGiven = parseResult.GetResult(limit) is { Implicit: false };
            var offsetGiven = parseResult.GetResult(offset) is { Implicit: false };
            var request = new SearchRequest
            {
                Query = parseResult.GetValue(query) ?? "",
                Filters = filters.Read(parseResult),
                Ocr = parseResult.GetValue(excludeOcr) ? false : null,
                Exact = parseResult.GetValue(exact),
                Sort = CommandRunner.Unwrap(RequestDeclarations.ParseSort(parseResult.GetValue(sort))),
                Limit = DeclaredOptions.Integer(parseResult, limit, RequestDeclarations.Limit),
                Offset = isExport ? 0 : DeclaredOptions.Integer(parseResult, offset, RequestDeclarations.Offset),
                FacetSize = DeclaredOptions.Integer(parseResult, facetSize, RequestDeclarations.FacetSize),
                // A KWIC view lists every occurrence unless a page was asked for.
                All = parseResult.GetValue(all) || isExport || (formatName == "kwic" && !limitGiven && !offsetGiven),
                Caller = CallerOption.Of(parseResult, groups),
            };

            using var engine = EngineLoader.Open(locations.ResolveForReading(parseResult));
            if (formatName == "csv")
            {
                // Every hit as CSV: the query runs once and the hits' text is read a batch at a time as rows are
                // written, so a large export does not hold every hit (the same bytes as the whole answer gives).
                using var export = CommandRunner.Unwrap(engine.Export(request, QueryLimits.None));
                OutputFile.Render(parseResult.GetValue(outputFile), (output, _) =>
                {
                    CsvRenderer.Write(export.Hits(), output, parseResult.GetValue(csvHeader) == "zh");
                    output.Flush();
                });
                return export.Summary.TotalHits > 0 ? ExitCodes.Success : ExitCodes.NoHits;
            }
            var response = CommandRunner.Unwrap(engine.Search(request));
            if (formatName == "docx")
            {
                DocxOutput.Write(stream => WordExport.WriteHits(request, response, stream), parseResult.GetValue(outputFile));
            }
            else
            {
                OutputFile.Render(parseResult.GetValue(outputFile), (output, styled) =>
                    Render(response, formatName, output, styled, parseResult.GetValue(csvHeader) == "zh"));
            }
            return response.TotalHits > 0 ? ExitCodes.Success : ExitCodes.NoHits;
        }));
        return ExamplesHelpAction.WithExamples(command, Examples);
    }

    private static void Render(SearchResponse response, string format, TextWriter output, Func<TextWriter, StyledWriter> styled, bool chineseHeader)
    {
        switch (format)
        {
            case "json":
                output.Write(JsonSerializer.Serialize(response, XiqingJson.Indented));
                output.Write('\n');
                break;
            case "csv":
                CsvRenderer.Write(response, output, chineseHeader);
                break;
            case "kwic":
                KwicRenderer.Write(response, styled(output));
                break;
            default:
                TextRenderer.Write(response, styled(output));
                break;
        }
        output.Flush();
    }

    private static IEnumerable<string> DocumentIds(ParseResult parseResult)
    {
        try
        {
            var seeds = parseResult.CommandResult.Command.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == "--seeds");
            var settings = Configuration.CliSettings.Resolve(seeds is null ? null : parseResult.GetValue(seeds), null, null);
            return Directory.Exists(settings.SeedsDirectory)
                ? Directory.EnumerateFiles(settings.SeedsDirectory).Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)
                : [];
        }
        catch (IOException)
        {
            return [];
        }
    }
}
