using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Json;

namespace XiqingSearch.Cli.Commands;

/// <summary><c>xiqing stats</c>: documents, paragraphs per document and year, topics, index size and build time.</summary>
internal static class StatsCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var format = new Option<string>("--format")
        {
            Description = "text (tables) or json (the IndexStats model).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var locations = new LocationOptions();
        var command = new Command("stats", """
            What the index holds: documents, paragraphs per document and year, topics, size and when it was built.
            """)
        {
            format,
        };
        locations.AddTo(command);
        var groups = CallerOption.Create();
        command.Add(groups);
        command.SetAction(parseResult => CommandRunner.Run(() =>
        {
            using var engine = EngineLoader.Open(locations.ResolveForReading(parseResult));
            var stats = engine.Stats(CallerOption.Of(parseResult, groups));
            if (parseResult.GetValue(format) == "json")
            {
                Console.Out.Write(JsonSerializer.Serialize(stats, XiqingJson.Indented));
                Console.Out.Write('\n');
            }
            else
            {
                Write(stats, StyledWriter.ForStdout(Console.Out));
            }
            return ExitCodes.Success;
        }));
        return ExamplesHelpAction.WithExamples(command, """
            xiqing stats
            xiqing stats --format json
            """);
    }

    /// <summary>Columns the whole documents table needs.</summary>
    private const int WideTableColumns = 150;

    private static void Write(IndexStats stats, StyledWriter output)
    {
        output.Line(CliText.Get("stats.summary", stats.Documents.Count, stats.Paragraphs, stats.SizeBytes / 1e6, stats.IndexDirectory,
            stats.BuiltAt.ToLocalTime()), "bold");

        // On a terminal narrower than the whole table, the table folds by design rather than letting Spectre split
        // words inside cells ("five-year-p/lan"): the year source and the paragraphs by kind step out (json has
        // them), the short columns never wrap, and only the (Chinese) title wraps, between characters.
        var full = output.Width is not { } width || width >= WideTableColumns;
        var documents = new Table().Border(TableBorder.Rounded).Title(CliText.Get("stats.documents"))
            .AddColumn(new TableColumn(CliText.Get("column.doc")).NoWrap())
            .AddColumn(new TableColumn(CliText.Get("column.year")).RightAligned().NoWrap());
        if (full)
        {
            documents.AddColumn(new TableColumn(CliText.Get("column.yearSource")).NoWrap());
        }
        documents
            .AddColumn(new TableColumn(CliText.Get("column.type")).NoWrap())
            .AddColumn(CliText.Get("column.title"))
            .AddColumn(new TableColumn(CliText.Get("column.paragraphs")).RightAligned().NoWrap());
        if (full)
        {
            documents.AddColumn(CliText.Get("column.byKind"));
        }
        foreach (var d in stats.Documents)
        {
            var kinds = Markup.Escape(string.Join(", ", d.Kinds.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value}"))));
            string[] cells = full
                ?
                [
                    Markup.Escape(d.Doc), Markup.Escape(d.Period ?? YearLabel.Of(d.Year)), Markup.Escape(d.YearSource ?? "-"),
                    Markup.Escape(d.Type), Markup.Escape(d.Title), d.Paragraphs.ToString(CultureInfo.InvariantCulture), kinds,
                ]
                :
                [
                    Markup.Escape(d.Doc), Markup.Escape(d.Period ?? YearLabel.Of(d.Year)),
                    Markup.Escape(d.Type), Markup.Escape(d.Title), d.Paragraphs.ToString(CultureInfo.InvariantCulture),
                ];
            documents.AddRow(cells);
        }
        output.Write(documents);
        if (!full)
        {
            output.Line(CliText.Get("stats.narrow", WideTableColumns), "dim");
        }
        var warned = stats.Documents.Where(d => d.Warnings.Count > 0).ToList();
        if (warned.Count > 0)
        {
            output.Line(CliText.Get("stats.warnings", warned.Sum(d => d.Warnings.Count)), "bold yellow");
            foreach (var d in warned)
            {
                foreach (var warning in d.Warnings)
                {
                    output.Line($"  {d.Doc}: {warning}", "yellow");
                }
            }
        }
        SkippedList.Write(stats.Skipped, output);
        output.Write(CountTable(CliText.Get("stats.perYear"), CliText.Get("column.year"),
            stats.Years.OrderBy(y => y.Value == YearRange.Unknown ? 1 : 0).ThenBy(y => y.Value, StringComparer.Ordinal)
                .Select(y => y with { Label = YearLabel.OfFacet(y.Value) })));
        output.Write(CountTable(CliText.Get("stats.topics"), CliText.Get("column.topic"), stats.Topics));
    }

    private static Table CountTable(string title, string name, IEnumerable<FacetValue> values)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title)
            .AddColumn(name)
            .AddColumn(new TableColumn(CliText.Get("column.paragraphs")).RightAligned());
        foreach (var value in values)
        {
            table.AddRow(Markup.Escape(value.Label ?? value.Value), value.Count.ToString(CultureInfo.InvariantCulture));
        }
        return table;
    }
}
