namespace XiqingSearch.Core.Tests.Analysis.SmartCn;

/// <summary>
/// A Java Lucene SmartCn jar on this machine, for the tests that compare it with the package: the one
/// <c>XIQING_SMARTCN_JAR</c> names, else Debian's <c>liblucene8-java</c> copy when installed. The product never
/// needs one.
/// </summary>
internal static class JarLocation
{
    private static readonly string[] s_candidates = ["/usr/share/java/lucene-analyzers-smartcn-8.7.0.jar"];

    public static string? Find()
    {
        var named = Environment.GetEnvironmentVariable("XIQING_SMARTCN_JAR");
        if (!string.IsNullOrWhiteSpace(named))
        {
            return File.Exists(named) ? named : null;
        }
        return s_candidates.FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that needs a SmartCn jar; skipped, with the reason, when there is none.</summary>
internal sealed class JarFactAttribute : FactAttribute
{
    public JarFactAttribute()
    {
        if (JarLocation.Find() is null)
        {
            Skip = "No Java Lucene SmartCn jar here (set XIQING_SMARTCN_JAR or install liblucene8-java to compare it with the package).";
        }
    }
}
