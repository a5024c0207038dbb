using System.Runtime;

namespace XiqingSearch.Cli;

/// <summary>
/// Background compilation of the start-up code (.NET's multicore JIT, <see cref="ProfileOptimization"/>): each run
/// records which methods it had to compile, and the next run of the same verb compiles them on another core
/// before the main thread reaches them. The .NET tool runs without ReadyToRun code, so nearly all of a search's
/// start-up is compilation; a ReadyToRun build still compiles the few hundred generic methods it lacks. The
/// profiles live in the user's local application data (<c>xiqing/jit</c>), one small file per verb; when that
/// folder cannot be written the run simply goes without.
/// </summary>
internal static class StartupProfile
{
    /// <summary>Starts recording (and, from the second run on, replaying) the profile of the verb in
    /// <paramref name="args"/>.</summary>
    public static void Start(string[] args)
    {
        try
        {
            var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            if (string.IsNullOrEmpty(data))
            {
                return;
            }
            var folder = Path.Combine(data, "xiqing", "jit");
            Directory.CreateDirectory(folder);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(Verb(args) + ".profile");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A read-only or missing home folder: no profile, the same results, only a slower start.
        }
    }

    // One profile per verb (a search and `serve` compile different code); anything else shares one.
    private static string Verb(string[] args) =>
        args.Length > 0 && args[0].Length is > 0 and <= 16 && args[0].All(char.IsAsciiLetterLower) ? args[0] : "other";
}
