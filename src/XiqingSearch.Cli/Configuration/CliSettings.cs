using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Configuration;
using XiqingSearch.Core.Indexing;

namespace XiqingSearch.Cli.Configuration;

/// <summary>
/// Where the seeds, the index and the SmartCn jar are, for a command-line verb: the flags given, resolved by Core's
/// <see cref="SettingsResolver"/> (flag, environment, <c>xiqing.json</c>, <c>appsettings.json</c>, default — the
/// same resolution the server does). A settings file that is not valid JSON stops the verb with its position.
/// </summary>
internal sealed class CliSettings
{
    private CliSettings(ResolvedSettings resolved)
    {
        Resolved = resolved;
        var index = resolved.ToIndexOptions();
        SeedsDirectory = index.SeedsDirectory;
        IndexDirectory = index.IndexDirectory;
        SmartCnJar = index.SmartCnJar;
    }

    /// <summary>Everything resolved (the server reads its own keys from it).</summary>
    public ResolvedSettings Resolved { get; }

    /// <summary>Absolute seeds folder.</summary>
    public string SeedsDirectory { get; }

    /// <summary>Absolute index folder.</summary>
    public string IndexDirectory { get; }

    /// <summary>Absolute path of the SmartCn jar, or null for the package's dictionaries.</summary>
    public string? SmartCnJar { get; }

    /// <summary>The options Core expects.</summary>
    public IndexOptions ToIndexOptions() => Resolved.ToIndexOptions() with
    {
        // A second build of the same folder (another xiqing process) waits its turn, saying so, rather than failing.
        BuildLockWait = TimeSpan.FromMinutes(10),
        OnBuildLockWait = message => Console.Error.WriteLine($"xiqing: {Localization.ProblemText.Waiting(message)}"),
    };

    /// <summary>Resolves the settings from the flags given (null when absent), the environment and the files.</summary>
    public static CliSettings Resolve(string? seedsFlag, string? indexFlag, string? jarFlag, string? currentDirectory = null) =>
        Resolve(new Dictionary<string, string?>
        {
            [SettingsKeys.Seeds] = seedsFlag,
            [SettingsKeys.Index] = indexFlag,
            [SettingsKeys.SmartCnJar] = jarFlag,
        }, currentDirectory);

    /// <summary>Resolves the settings from flags keyed as in the settings files.</summary>
    public static CliSettings Resolve(IReadOnlyDictionary<string, string?> flags, string? currentDirectory = null) =>
        new(ProblemRenderer.ValueOrThrow(SettingsResolver.Resolve(flags, Environment.GetEnvironmentVariables(),
            currentDirectory ?? Directory.GetCurrentDirectory())));
}
