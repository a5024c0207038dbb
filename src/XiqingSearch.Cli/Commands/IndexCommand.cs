using System.CommandLine;
using Spectre.Console;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Indexing;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// <c>xiqing index</c>: builds the index from the seeds with a progress bar on standard error and a summary table
/// on standard output. A current index is kept unless <c>--force</c>. Whatever was skipped or warned about is
/// listed; the exit code is 0 whenever a commit serves, unless <c>--strict</c> asks for 3 on any such finding.
/// </summary>
internal static class IndexCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Rebuild even when the index matches the seeds." };
        var wait = new Option<int>("--wait")
        {
            Description = "Seconds to wait for another build of the same index to finish (then exit 2, index.busy).",
            DefaultValueFactory = _ => 600,
            HelpName = "SECONDS",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Exit 3 when any file was skipped or any document warned about (year unknown, …), after building.",
        };
        var locations = new LocationOptions();
        var command = new Command("index", """
            Build the index from the seeds folder (progress on stderr, summary on stdout).
            Searches build it on first use too; this verb is for doing it up front.
            """)
        {
            force,
            wait,
            strict,
        };
        locations.AddTo(command);
        command.SetAction(parseResult => CommandRunner.Run(() =>
        {
            var settings = locations.Resolve(parseResult);
            var report = CommandRunner.Unwrap(BuildProgress.Run(CliText.Get("progress.indexing", settings.SeedsDirectory),
                progress => IndexBuilder.Build(
                    settings.ToIndexOptions() with { BuildLockWait = TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(wait))) },
                    progress, parseResult.GetValue(force))));
            WriteSummary(report, StyledWriter.ForStdout(Console.Out), ocrOff: !settings.ToIndexOptions().Ocr.Enabled);
            return parseResult.GetValue(strict) && report.HasFindings ? ExitCodes.StrictFindings : ExitCodes.Success;
        }));
        return ExamplesHelpAction.WithExamples(command, """
            xiqing index
            xiqing index --seeds ~/policies --index /var/lib/xiqing/index --force
            xiqing index --strict
            """);
    }

    /// <summary>Columns the whole summary table needs.</summary>
    private const int WideTableColumns = 120;

    private static void WriteSummary(BuildReport report, StyledWriter output, bool ocrOff)
    {
        if (!report.Rebuilt)
        {
            output.Line(CliText.Get("index.current", report.IndexDirectory), "dim");
        }
        // On a narrow terminal the table folds by design instead of letting Spectre split words inside cells: the
        // paragraphs by kind step out (stats has them), short columns never wrap, only the Chinese title does.
        var full = output.Width is not { } width || width >= WideTableColumns;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn(CliText.Get("column.doc")).NoWrap())
            .AddColumn(new TableColumn(CliText.Get("column.year")).RightAligned().NoWrap())
            .AddColumn(CliText.Get("column.title"))
            .AddColumn(new TableColumn(CliText.Get("column.paragraphs")).RightAligned().NoWrap());
        if (full)
        {
            table
                .AddColumn(new TableColumn(CliText.Get("column.body")).RightAligned().NoWrap())
                .AddColumn(new TableColumn(CliText.Get("column.headings")).RightAligned().NoWrap())
                .AddColumn(new TableColumn(CliText.Get("column.tableRows")).RightAligned().NoWrap());
        }
        table.AddColumn(new TableColumn("KB").RightAligned().NoWrap());
        foreach (var document in report.Documents)
        {
            List<string> cells =
            [
                Markup.Escape(document.Doc),
                // A multi-year plan is shown by its period, as `stats` shows it, not by its first year.
                Markup.Escape(document.Period ?? (document.Year is int year ? Number(year) : "?")),
                Markup.Escape(document.Title),
                // Every paragraph of any kind, as `stats` and the line below count; "body" is the paragraph kind alone.
                Number(document.Paragraphs + document.Headings + document.TableRows),
            ];
            if (full)
            {
                cells.AddRange([Number(document.Paragraphs), Number(document.Headings), Number(document.TableRows)]);
            }
            cells.Add(string.Create(CultureInfo.InvariantCulture, $"{document.Bytes / 1024.0:0.0}"));
            table.AddRow([.. cells]);
        }
        output.Write(table);
        output.Line(CliText.Get("index.summary", report.Documents.Count, report.Paragraphs, report.InputBytes / 1e6,
            report.Elapsed.TotalSeconds, report.MegabytesPerSecond, report.IndexSizeBytes / 1e6, report.IndexDirectory));
        if (report.OcrPagesRecognized + report.OcrPagesFromCache + report.OcrPagesSkipped > 0)
        {
            // What OCR cost: a rebuild of unchanged scans recognises nothing, every page coming from the cache.
            output.Line(CliText.Get("index.ocr", report.OcrPagesRecognized, report.OcrPagesFromCache, report.OcrPagesSkipped));
        }
        if (report.Rebuilt && report.ChangedFiles.Count > 0 && report.ChangedFiles.Count < report.Documents.Count)
        {
            output.Line(CliText.Get("index.reanalysed", string.Join(", ", report.ChangedFiles)), "dim");
        }
        SkippedList.Write(report.Skipped, output, ocrOff);
        WriteFindings(report, output);
    }

    /// <summary>Copies left out, documents with warnings, and the build's own warnings.</summary>
    private static void WriteFindings(BuildReport report, StyledWriter output)
    {
        var copied = report.Documents.Where(d => d.Copies.Count > 0).ToList();
        if (copied.Count > 0)
        {
            output.Line(CliText.Get("index.copies"), "bold");
            foreach (var document in copied)
            {
                foreach (var copy in document.Copies)
                {
                    output.Append(CliText.Get("index.copy", copy, document.Doc), "dim").EndLine();
                }
            }
        }
        var warned = report.Documents.Where(d => d.Warnings.Count > 0).ToList();
        if (warned.Count > 0 || report.Warnings.Count > 0)
        {
            output.Line(CliText.Get("index.warnings", warned.Count, CliText.Plural(warned.Count)), "bold yellow");
            foreach (var warning in report.Warnings)
            {
                output.Append("  " + warning, "yellow").EndLine();
            }
            foreach (var document in warned)
            {
                foreach (var warning in document.Warnings)
                {
                    output.Append($"  {document.Doc}: {warning}", "yellow").EndLine();
                }
            }
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
