namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// Where the SmartCn dictionaries come from: the <c>Lucene.Net.Analysis.SmartCn</c> package's embedded resources
/// (the default, on every operating system), or a Java Lucene SmartCn jar (spec §12.1) when one is named in the
/// settings (<c>smartCnJar</c>, resolved by the front end). Immutable.
/// </summary>
public sealed class SmartCnOptions
{
    /// <summary>The jar holding <c>coredict.mem</c> and <c>bigramdict.mem</c>, or null for the package's dictionaries.</summary>
    public string? JarPath { get; init; }

    /// <summary>Options for <paramref name="jarPath"/>; null or blank means the package.</summary>
    public static SmartCnOptions For(string? jarPath) => new()
    {
        JarPath = string.IsNullOrWhiteSpace(jarPath) ? null : jarPath,
    };
}
