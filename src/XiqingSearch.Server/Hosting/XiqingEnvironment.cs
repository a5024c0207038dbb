using System.Collections;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// Maps <c>XIQING_…</c> environment variables onto the <c>Xiqing</c> configuration section, the way people
/// write them: <c>XIQING_INDEX</c> → <c>Xiqing:Index</c>, <c>XIQING_SMARTCN_JAR</c> → <c>Xiqing:SmartCnJar</c>
/// (single underscores vanish; keys are case-insensitive), <c>XIQING_CORS__ORIGINS</c> → <c>Xiqing:Cors:Origins</c>
/// (a double underscore is a section separator, as in .NET's own provider).
/// </summary>
internal static class XiqingEnvironment
{
    private const string Prefix = "XIQING_";

    /// <summary>The configuration entries made from <paramref name="variables"/> (the process environment by default).</summary>
    public static Dictionary<string, string?> ToConfiguration(IDictionary? variables = null)
    {
        variables ??= Environment.GetEnvironmentVariables();
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is not string name || !name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var sections = name[Prefix.Length..]
                .Split("__", StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.Replace("_", "", StringComparison.Ordinal));
            result["Xiqing:" + string.Join(':', sections)] = entry.Value as string;
        }
        return result;
    }
}
