using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Indexing;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// <c>xiqing index</c>: builds the index from the seeds with a progress bar on standard error and a summary table
/// on standard output. A current index is kept unless <c>--force</c>.
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
        var locations = new LocationOptions();
        var command = new Command("index", """
            Build the index from the seeds folder (progress on stderr, summary on stdout).
            Searches build it on first use too; this verb is for doing it up front.
            """)
        {
            force,
            wait,
        };
        locations.AddTo(command);
        command.SetAction(parseResult => CommandRunner.Run(() =>
        {
            var settings = locations.Resolve(parseResult);
            var report = CommandRunner.Unwrap(BuildProgress.Run($"indexing {settings.SeedsDirectory}",
                progress => IndexBuilder.Build(
                    settings.ToIndexOptions() with { BuildLockWait = TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(wait))) },
                    progress, parseResult.GetValue(force))));
            WriteSummary(report, StyledWriter.ForStdout(Console.Out));
            return ExitCodes.Success;
        }));
        return ExamplesHelpAction.WithExamples(command, """
            xiqing index
            xiqing index --seeds ~/policies --index /var/lib/xiqing/index --force
            """);
    }

    private static void WriteSummary(BuildReport report, StyledWriter output)
    {
        if (!report.Rebuilt)
        {
            output.Line($"The index in {report.IndexDirectory} is current; nothing to do (--force rebuilds it).", "dim");
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("doc")
            .AddColumn(new TableColumn("year").RightAligned())
            .AddColumn("title")
            .AddColumn(new TableColumn("paragraphs").RightAligned())
            .AddColumn(new TableColumn("body").RightAligned())
            .AddColumn(new TableColumn("headings").RightAligned())
            .AddColumn(new TableColumn("table rows").RightAligned())
            .AddColumn(new TableColumn("KB").RightAligned());
        foreach (var document in report.Documents)
        {
            table.AddRow(
                Markup.Escape(document.Doc),
                document.Year is int year ? Number(year) : "?",
                Markup.Escape(document.Title),
                // Every paragraph of any kind, as `stats` and the line below count; "body" is the paragraph kind alone.
                Number(document.Paragraphs + document.Headings + document.TableRows),
                Number(document.Paragraphs),
                Number(document.Headings),
                Number(document.TableRows),
                string.Create(CultureInfo.InvariantCulture, $"{document.Bytes / 1024.0:0.0}"));
        }
        output.Write(table);
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"{report.Documents.Count} documents, {report.Paragraphs} paragraphs, {report.InputBytes / 1e6:0.00} MB read in {report.Elapsed.TotalSeconds:0.00} s ({report.MegabytesPerSecond:0.00} MB/s); index {report.IndexSizeBytes / 1e6:0.00} MB in {report.IndexDirectory}"));
        if (report.Rebuilt && report.ChangedFiles.Count > 0 && report.ChangedFiles.Count < report.Documents.Count)
        {
            output.Line("Re-analysed: " + string.Join(", ", report.ChangedFiles), "dim");
        }
        SkippedList.Write(report.Skipped, output);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
