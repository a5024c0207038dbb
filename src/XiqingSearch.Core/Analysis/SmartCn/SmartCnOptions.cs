namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// Where the SmartCn dictionaries come from: the <c>Lucene.Net.Analysis.SmartCn</c> package's embedded resources
/// (the default, on every operating system), or a Java Lucene SmartCn jar (spec §12.1) when one is named. Immutable.
/// </summary>
public sealed class SmartCnOptions
{
    /// <summary>The environment variable that, when set, names a jar to read instead of the package.</summary>
    public const string JarEnvironmentVariable = "XIQING_SMARTCN_JAR";

    /// <summary>The jar holding <c>coredict.mem</c> and <c>bigramdict.mem</c>, or null for the package's
    /// dictionaries. Defaults to the environment variable <see cref="JarEnvironmentVariable"/> when it is set.</summary>
    public string? JarPath { get; init; } = JarFromEnvironment();

    /// <summary>Options with <paramref name="jarPath"/> when given, else the environment variable, else the
    /// package.</summary>
    public static SmartCnOptions FromEnvironment(string? jarPath = null) => new()
    {
        JarPath = string.IsNullOrWhiteSpace(jarPath) ? JarFromEnvironment() : jarPath,
    };

    private static string? JarFromEnvironment()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(JarEnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment;
    }
}
