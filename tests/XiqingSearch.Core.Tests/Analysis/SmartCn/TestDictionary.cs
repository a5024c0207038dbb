using XiqingSearch.Core.Analysis.SmartCn;

namespace XiqingSearch.Core.Tests.Analysis.SmartCn;

/// <summary>The real SmartCn dictionary (CI installs liblucene8-java), loaded once for all tests.</summary>
internal static class TestDictionary
{
    public static SmartCnDictionary Instance => SmartCnDictionary.Shared(SmartCnOptions.FromEnvironment());

    public static SmartCnAnalyzer Analyzer() => new(Instance);
}
