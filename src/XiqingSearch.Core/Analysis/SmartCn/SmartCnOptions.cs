namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// Where the SmartCn dictionaries come from: the Lucene SmartCn jar (spec §12.1) and, optionally, a folder
/// for the parsed-dictionary cache. Immutable.
/// </summary>
public sealed class SmartCnOptions
{
    /// <summary>Where Debian and Ubuntu install the jar (package <c>liblucene8-java</c>).</summary>
    public const string DefaultJarPath = "/usr/share/java/lucene-analyzers-smartcn-8.7.0.jar";

    /// <summary>The environment variable that, when set, overrides <see cref="DefaultJarPath"/>.</summary>
    public const string JarEnvironmentVariable = "XIQING_SMARTCN_JAR";

    /// <summary>The jar holding <c>coredict.mem</c> and <c>bigramdict.mem</c>. Defaults to the environment
    /// variable <see cref="JarEnvironmentVariable"/> when it is set, else <see cref="DefaultJarPath"/>.</summary>
    public string JarPath { get; init; } = DefaultJarFromEnvironment();

    /// <summary>The folder for the parsed-dictionary cache file (<c>smartcn.cache</c>); null means no cache.
    /// Callers usually pass the index folder.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Options with <paramref name="jarPath"/> when given, else the environment variable, else the
    /// default path; and the given cache folder (null = no cache).</summary>
    public static SmartCnOptions FromEnvironment(string? jarPath = null, string? cacheDirectory = null) => new()
    {
        JarPath = string.IsNullOrWhiteSpace(jarPath) ? DefaultJarFromEnvironment() : jarPath,
        CacheDirectory = cacheDirectory,
    };

    private static string DefaultJarFromEnvironment()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(JarEnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultJarPath : fromEnvironment;
    }
}
