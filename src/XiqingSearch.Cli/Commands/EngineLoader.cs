using XiqingSearch.Cli.Configuration;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Engine;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// Opens the index for a query verb, building it first when it is missing or stale (first use, changed seeds),
/// with the build's progress on standard error.
/// </summary>
internal static class EngineLoader
{
    /// <summary>An open engine; throws <see cref="Core.Problems.XiqingException"/> when it cannot be had.</summary>
    public static SearchEngine Open(CliSettings settings)
    {
        var options = settings.ToIndexOptions();
        // Every query needs the SmartCn dictionaries (its ranking words); load them on another core while the
        // index is checked and opened, instead of after. Failures resurface, as problems, where they are used.
        _ = Task.Run(() =>
        {
            try
            {
                SmartCnDictionary.Shared(SmartCnOptions.For(options.SmartCnJar));
            }
            catch (XiqingException)
            {
                // Reported by the search that needs the dictionary (Shared does not remember failures).
            }
        });
        var opened = CommandRunner.Unwrap(SearchEngine.EnsureCurrent(options, ShowBuild(settings.IndexDirectory)));
        WriteWarnings(opened.Engine.Warnings);
        return opened.Engine;
    }

    /// <summary>Runs a needed build under the progress display, titled with why it runs.</summary>
    public static IndexLifecycle.BuildRunner ShowBuild(string indexDirectory) => (state, build) =>
    {
        var why = state switch
        {
            IndexState.Missing => "progress.missing",
            IndexState.Stale => "progress.stale",
            _ => "progress.incompatible",
        };
        return BuildProgress.Run(CliText.Get(why, indexDirectory), build);
    };

    /// <summary>
    /// One line on standard error when the rebuild was refused and the last good commit answers instead, so the
    /// answer is never silently out of date. The next search tries the rebuild again (cheaply: a refused entry
    /// is found by listing the folder, before any file is read) and says so again until the seeds are fixed.
    /// </summary>
    public static void WriteWarnings(IReadOnlyList<Core.Problems.Problem> warnings)
    {
        if (warnings.Count == 0)
        {
            return;
        }
        var more = warnings.Count > 1 ? CliText.Get("warning.more", warnings.Count - 1) : "";
        Console.Error.WriteLine(
            $"xiqing: {CliText.Get("warning.lastGood")}{ProblemText.Message(warnings[0])}{more} [{warnings[0].Code}]");
    }
}
