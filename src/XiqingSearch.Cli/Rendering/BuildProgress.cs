using Spectre.Console;
using XiqingSearch.Core.Indexing;

namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// Shows an index build's progress on standard error: a Spectre progress bar (files, paragraphs, MB/s) on a
/// terminal, one plain line per report otherwise, so logs and tests see it too. Standard output stays clean
/// for the command's own result.
/// </summary>
internal static class BuildProgress
{
    /// <summary>Columns of the percentage and elapsed-time columns with the gaps between the four columns.</summary>
    private const int PercentageAndElapsedColumns = 4 + 8 + 4;

    /// <summary>Runs <paramref name="work"/>, showing the progress it reports.</summary>
    public static T Run<T>(string title, Func<IProgress<IndexProgress>, T> work)
    {
        if (!OutputStyle.IsStderrColored)
        {
            Console.Error.WriteLine($"xiqing: {title}");
            return work(new SynchronousProgress(p => Console.Error.WriteLine("  " + Describe(p))));
        }

        var console = OutputStyle.CreateConsole(Console.Error, colored: true);
        // Spectre's bar is 40 columns by default and its columns wrap when the row is wider than the terminal
        // (at 80 columns "100%" came out one character a line): the bar takes a quarter of the width and the
        // description is cut to what is left, so the row always fits on one line.
        var width = Math.Max(40, console.Profile.Width);
        var barColumns = Math.Clamp(width / 4, 10, 40);
        var descriptionColumns = Math.Max(10, width - barColumns - PercentageAndElapsedColumns);
        string Fit(string text) => Markup.Escape(DisplayWidth.Of(text) <= descriptionColumns
            ? text
            : DisplayWidth.TakeFirst(text, descriptionColumns - 1) + "…");
        return console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn { Width = barColumns },
                new PercentageColumn(),
                new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Fit(title), maxValue: 1);
                var result = work(new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = Math.Min(p.BytesDone, task.MaxValue);
                    task.Description = Fit(Describe(p));
                }));
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>One line: stage, files done, paragraphs, throughput, current file; while a scan is recognised, the
    /// OCR page done of its pages (a 40-page scan takes minutes between two files' reports).</summary>
    public static string Describe(IndexProgress p)
    {
        var seconds = p.Elapsed.TotalSeconds;
        var megabytesPerSecond = seconds > 0 ? p.BytesDone / 1e6 / seconds : 0;
        var file = p.OcrFile is { } ocrFile
            ? CliText.Get("progress.ocr", p.OcrPagesDone, p.OcrPagesTotal, p.OcrPageCached ? CliText.Get("progress.cached") : "", Path.GetFileName(ocrFile))
            : p.CurrentFile is null ? "" : "  " + Path.GetFileName(p.CurrentFile);
        return CliText.Get("progress.line", Stage(p.Stage), p.FilesDone, p.FilesTotal, p.Paragraphs, megabytesPerSecond, file);
    }

    /// <summary>The stage Core names (read, index, commit) in the CLI's language.</summary>
    private static string Stage(string stage) => stage switch
    {
        "read" or "index" or "commit" => CliText.Get("progress." + stage),
        _ => stage,
    };

    // Progress<T> posts to the thread pool, so reports could arrive after the build returned; this one reports inline.
    private sealed class SynchronousProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        private readonly Lock _gate = new();

        public void Report(IndexProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
