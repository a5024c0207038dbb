using System.Globalization;
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
    /// <summary>Runs <paramref name="work"/>, showing the progress it reports.</summary>
    public static T Run<T>(string title, Func<IProgress<IndexProgress>, T> work)
    {
        if (!OutputStyle.IsStderrColored)
        {
            Console.Error.WriteLine($"xiqing: {title}");
            return work(new SynchronousProgress(p => Console.Error.WriteLine("  " + Describe(p))));
        }

        var console = OutputStyle.CreateConsole(Console.Error, colored: true);
        return console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                var result = work(new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = Math.Min(p.BytesDone, task.MaxValue);
                    task.Description = Markup.Escape(Describe(p));
                }));
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>One line: stage, files done, paragraphs, throughput, current file.</summary>
    public static string Describe(IndexProgress p)
    {
        var seconds = p.Elapsed.TotalSeconds;
        var megabytesPerSecond = seconds > 0 ? p.BytesDone / 1e6 / seconds : 0;
        var file = p.CurrentFile is null ? "" : "  " + Path.GetFileName(p.CurrentFile);
        return string.Create(CultureInfo.InvariantCulture,
            $"{p.Stage} {p.FilesDone}/{p.FilesTotal} files, {p.Paragraphs} paragraphs, {megabytesPerSecond:0.00} MB/s{file}");
    }

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
