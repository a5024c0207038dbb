using System.CommandLine;
using System.Text;
using System.Text.Json;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;

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

        Exit codes: 0 hits found, 1 no hits, 2 usage or query error, 3 internal error.
        """;

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var query = new Argument<string>("QUERY")
        {
            Description = "The query: words, \"exact phrases\", AND / OR / NOT, parentheses.",
        };
        var years = new Option<string[]>("--year")
        {
            Description = "Keep these years: 2024, 2021..2023 or unknown (documents of no known year); repeat for more (OR).",
            HelpName = "Y|FROM..TO|unknown",
        };
        var topics = new Option<string[]>("--topic") { Description = "Keep this topic; repeat for more (OR).", HelpName = "T" };
        var chapters = new Option<string[]>("--chapter")
        {
            Description = "Keep paragraphs under a heading containing this text, at any level (as chapter: in the query); repeat for more (OR).",
            HelpName = "C",
        };
        var docs = new Option<string[]>("--doc") { Description = "Keep this document (file name without extension); repeat for more (OR).", HelpName = "D" };
        docs.CompletionSources.Add(context => DocumentIds(context.ParseResult));
        var kinds = new Option<string[]>("--kind") { Description = "Keep this kind: paragraph, heading or table-row.", HelpName = "K" };
        kinds.AcceptOnlyFromAmong([.. ParagraphKindNames.All]);
        var types = new Option<string[]>("--type")
        {
            Description = "Keep this document type: annual-plan, work-report, five-year-plan or other; repeat for more (OR).",
            HelpName = "TYPE",
        };
        types.AcceptOnlyFromAmong([.. DocumentTypes.All]);
        var issuers = new Option<string[]>("--issuer")
        {
            Description = "Keep documents of this issuer (发文机关, as the issuer facet names it); repeat for more (OR).",
            HelpName = "ISSUER",
        };
        var sort = new Option<string>("--sort")
        {
            Description = "Hit order: relevance, year (newest first), oldest (oldest first) or document (reading order); the unknown year comes last in both year orders.",
            DefaultValueFactory = _ => SearchSortNames.Relevance,
        };
        sort.AcceptOnlyFromAmong([.. SearchSortNames.All]);
        var limit = new Option<int>("--limit")
        {
            Description = $"Hits per page ({SearchLimits.MinLimit}..{SearchLimits.MaxLimit}); csv and kwic default to every hit; --all for every hit.",
            HelpName = "N",
            DefaultValueFactory = _ => SearchLimits.DefaultLimit,
        };
        var all = new Option<bool>("--all") { Description = "Every hit, no page limit." };
        var facetSize = new Option<int>("--facet-size")
        {
            Description = $"Values per facet, those with most hits (0: all; default {SearchLimits.DefaultFacetSize}).",
            HelpName = "N",
            DefaultValueFactory = _ => SearchLimits.DefaultFacetSize,
        };
        var offset = new Option<int>("--offset") { Description = $"Hits to skip (0..{SearchLimits.MaxOffset}).", HelpName = "N" };
        var format = new Option<string>("--format")
        {
            Description = "text (default; colour on a terminal), json (the result model), csv (one row per occurrence, UTF-8 with BOM) or kwic (one aligned line per occurrence).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "csv", "kwic");
        var outputFile = new Option<string>("--output", "-o")
        {
            Description = "Write the result to this file (UTF-8; csv with a BOM; no colour) instead of standard output, whatever the shell's encoding.",
            HelpName = "FILE",
        };
        var locations = new LocationOptions();

        var command = new Command("search", "Search the documents; every occurrence is highlighted.")
        {
            query, years, topics, chapters, docs, kinds, types, issuers, sort, limit, all, offset, facetSize, format, outputFile,
        };
        locations.AddTo(command);

        command.SetAction(parseResult => CommandRunner.Run(() =>
        {
            var formatName = parseResult.GetValue(format) ?? "text";
            var isExport = formatName is "csv" or "kwic";
            var limitGiven = parseResult.GetResult(limit) is { Implicit: false };
            var offsetGiven = parseResult.GetResult(offset) is { Implicit: false };
            var request = new SearchRequest
            {
                Query = parseResult.GetValue(query) ?? "",
                Years = CommandRunner.Unwrap(SearchLimits.ParseYears(parseResult.GetValue(years) ?? [])),
                Topics = parseResult.GetValue(topics) ?? [],
                Headings = parseResult.GetValue(chapters) ?? [],
                Docs = parseResult.GetValue(docs) ?? [],
                Kinds = parseResult.GetValue(kinds) ?? [],
                Types = parseResult.GetValue(types) ?? [],
                Issuers = parseResult.GetValue(issuers) ?? [],
                Sort = SearchSortNames.TryParse(parseResult.GetValue(sort), out var order) ? order : SearchSort.Relevance,
                Limit = parseResult.GetValue(limit),
                Offset = parseResult.GetValue(offset),
                FacetSize = parseResult.GetValue(facetSize),
                // An export wants every occurrence unless a page was asked for.
                All = parseResult.GetValue(all) || (isExport && !limitGiven && !offsetGiven),
            };

            using var engine = EngineLoader.Open(locations.Resolve(parseResult));
            var response = CommandRunner.Unwrap(engine.Search(request));
            if (parseResult.GetValue(outputFile) is { Length: > 0 } path)
            {
                RenderToFile(response, formatName, path);
            }
            else
            {
                Render(response, formatName, Console.Out, StyledWriter.ForStdout);
            }
            return response.TotalHits > 0 ? ExitCodes.Success : ExitCodes.NoHits;
        }));
        return ExamplesHelpAction.WithExamples(command, Examples);
    }

    // The whole result goes to a temporary file beside the target, renamed over it when complete, so a failed
    // write never leaves half a file under the asked-for name.
    private static void RenderToFile(SearchResponse response, string format, string path)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + "." + Environment.ProcessId + ".tmp";
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" })
            {
                Render(response, format, writer, StyledWriter.Plain);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
            throw new XiqingException(new Problem(ProblemCodes.BadParameter, $"cannot write {full}: {e.Message}") { Parameter = RequestParameter.Output });
        }
    }

    private static void Render(SearchResponse response, string format, TextWriter output, Func<TextWriter, StyledWriter> styled)
    {
        switch (format)
        {
            case "json":
                output.Write(JsonSerializer.Serialize(response, XiqingJson.Indented));
                output.Write('\n');
                break;
            case "csv":
                CsvRenderer.Write(response, output);
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
