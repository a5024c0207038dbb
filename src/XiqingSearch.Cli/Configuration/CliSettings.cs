using Microsoft.Extensions.Configuration;
using XiqingSearch.Core.Indexing;

namespace XiqingSearch.Cli.Configuration;

/// <summary>
/// Resolves where the seeds, the index and the SmartCn jar are. Precedence, highest first: a flag, the environment
/// (<c>XIQING_SEEDS</c>, <c>XIQING_INDEX</c>, <c>XIQING_SMARTCN_JAR</c>), <c>xiqing.json</c> in the current
/// directory (<c>{ "seeds": …, "index": …, "smartcnJar": … }</c>), the defaults <c>seeds/</c> and <c>index/</c>.
/// Relative paths are relative to the current directory.
/// </summary>
internal sealed class CliSettings
{
    /// <summary>The optional settings file, looked for in the current directory.</summary>
    public const string FileName = "xiqing.json";

    /// <summary>Prefix of the environment variables.</summary>
    public const string EnvironmentPrefix = "XIQING_";

    private const string SeedsKey = "seeds";
    private const string IndexKey = "index";
    private const string JarKey = "smartcnJar";

    // The environment variable XIQING_SMARTCN_JAR arrives (prefix removed) as SMARTCN_JAR; the file says
    // smartcnJar. Configuration keys are case-insensitive but not underscore-insensitive, so both are read.
    private const string JarEnvironmentKey = "SMARTCN_JAR";

    private CliSettings(string seedsDirectory, string indexDirectory, string? smartCnJar)
    {
        SeedsDirectory = seedsDirectory;
        IndexDirectory = indexDirectory;
        SmartCnJar = smartCnJar;
    }

    /// <summary>Absolute seeds folder.</summary>
    public string SeedsDirectory { get; }

    /// <summary>Absolute index folder.</summary>
    public string IndexDirectory { get; }

    /// <summary>Absolute path of the SmartCn jar, or null for the Core default.</summary>
    public string? SmartCnJar { get; }

    /// <summary>The options Core expects.</summary>
    public IndexOptions ToIndexOptions() => new()
    {
        SeedsDirectory = SeedsDirectory,
        IndexDirectory = IndexDirectory,
        SmartCnJar = SmartCnJar,
        // A second build of the same folder (another xiqing process) waits its turn, saying so, rather than failing.
        BuildLockWait = TimeSpan.FromMinutes(10),
        OnBuildLockWait = message => Console.Error.WriteLine($"xiqing: {message}"),
    };

    /// <summary>Resolves the settings from the flags given (null when absent), the environment and xiqing.json.</summary>
    public static CliSettings Resolve(string? seedsFlag, string? indexFlag, string? jarFlag, string? currentDirectory = null)
    {
        var cwd = currentDirectory ?? Directory.GetCurrentDirectory();
        var fileLayer = new ConfigurationBuilder()
            .SetBasePath(cwd)
            .AddJsonFile(FileName, optional: true, reloadOnChange: false)
            .Build();
        var environmentLayer = new ConfigurationBuilder()
            .AddEnvironmentVariables(EnvironmentPrefix)
            .Build();

        string? Pick(string? flag, string? environment, string? file) =>
            FirstNonEmpty(flag, environment, file);

        var seeds = Pick(seedsFlag, environmentLayer[SeedsKey], fileLayer[SeedsKey]) ?? "seeds";
        var index = Pick(indexFlag, environmentLayer[IndexKey], fileLayer[IndexKey]) ?? "index";
        var jar = Pick(jarFlag, environmentLayer[JarEnvironmentKey], fileLayer[JarKey]);

        return new CliSettings(
            Path.GetFullPath(seeds, cwd),
            Path.GetFullPath(index, cwd),
            jar is null ? null : Path.GetFullPath(jar, cwd));
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
