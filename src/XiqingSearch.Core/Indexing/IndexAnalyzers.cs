using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Analysis.SmartCn;

namespace XiqingSearch.Core.Indexing;

/// <summary>The analyzer of each field, shared by the index writer and the query side.</summary>
internal static class IndexAnalyzers
{
    /// <summary>SmartCn for <see cref="FieldNames.Text"/>; characters for the exact-phrase fields.</summary>
    public static Analyzer Create(SmartCnAnalyzer smartCn) =>
        new PerFieldAnalyzerWrapper(smartCn, new Dictionary<string, Analyzer>
        {
            [FieldNames.TextChars] = new BigramAnalyzer(),
            // A gap between headings, so a chapter: phrase never spans two headings of the path.
            [FieldNames.ChapterText] = new BigramAnalyzer(positionIncrementGap: 100),
            [FieldNames.TitleText] = new BigramAnalyzer(),
            [FieldNames.IssuerText] = new BigramAnalyzer(),
        });

    /// <summary>Options for the SmartCn dictionaries: the jar the options name, else the package's.</summary>
    public static SmartCnOptions SmartCnOptions(IndexOptions options) =>
        Analysis.SmartCn.SmartCnOptions.For(options.SmartCnJar);
}
