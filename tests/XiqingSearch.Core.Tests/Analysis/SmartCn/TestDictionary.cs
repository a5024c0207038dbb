using XiqingSearch.Core.Analysis.SmartCn;

namespace XiqingSearch.Core.Tests.Analysis.SmartCn;

/// <summary>The real SmartCn dictionary from the Lucene.Net.Analysis.SmartCn package (no jar needed), loaded once
/// for all tests.</summary>
internal static class TestDictionary
{
    public static SmartCnDictionary Instance => SmartCnDictionary.Shared(new SmartCnOptions { JarPath = null });

    public static SmartCnAnalyzer Analyzer() => new(Instance);
}
