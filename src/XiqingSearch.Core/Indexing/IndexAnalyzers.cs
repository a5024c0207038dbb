using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Analysis.SmartCn;

namespace XiqingSearch.Core.Indexing;

/// <summary>The analyzer of each field, shared by the index writer and the query side.</summary>
internal static class IndexAnalyzers
{
    /// <summary>
    /// SmartCn for <see cref="FieldNames.Text"/> (and any field not declared otherwise); character bigrams for the
    /// fields declared <see cref="FieldAnalyzer.Bigrams"/>, with their declared gap between values.
    /// </summary>
    public static Analyzer Create(SmartCnAnalyzer smartCn) =>
        new PerFieldAnalyzerWrapper(smartCn, FieldNames.All
            .Where(f => f.Search == FieldSearch.Text && f.Analyzer == FieldAnalyzer.Bigrams)
            .ToDictionary(f => f.Name, f => (Analyzer)new BigramAnalyzer(positionIncrementGap: f.ValueGap)));

    /// <summary>Options for the SmartCn dictionaries: the jar the options name, else the package's.</summary>
    public static SmartCnOptions SmartCnOptions(IndexOptions options) =>
        Analysis.SmartCn.SmartCnOptions.For(options.SmartCnJar);
}
