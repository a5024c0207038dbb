using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Results;

namespace XiqingSearch.Core.Search;

/// <summary>
/// What BM25 does not know about policy documents. Its length normalisation puts a 14-character heading that
/// names the phrase above every paragraph that explains it, so for 京津冀协同发展 five headings came first. Two
/// corrections, judged on <c>tests/…/Search/Ranking/judged-queries.json</c> (nDCG@10 0.781 before, see that
/// folder's test for after):
/// <list type="bullet">
/// <item>a heading's score is weighed down by <see cref="HeadingWeight"/>: it still ranks, and where only
/// headings name the phrase (新质生产力) they still come first, but a paragraph about the phrase beats them;</item>
/// <item>a paragraph that leads with the phrase (an occurrence in its first sentence, the bold lead sentence
/// these documents open each paragraph with: "京津冀协同发展扎实推进。…") is about it, and gets
/// <see cref="LeadBonus"/>; not for a query that matches a large part of the corpus (发展, in 43% of the
/// paragraphs), whose lead sentences say nothing about the topic.</item>
/// </list>
/// </summary>
internal static class RelevanceAdjustment
{
    /// <summary>Multiplier of a heading's score.</summary>
    public const float HeadingWeight = 0.7f;

    /// <summary>Multiplier of a paragraph's score when the query occurs in its lead sentence.</summary>
    public const float LeadBonus = 1.5f;

    /// <summary>A query matching more than this share of the paragraphs gets no lead bonus.</summary>
    public const double LeadBonusMaxShare = 0.1;

    /// <summary>Characters searched for the end of the lead sentence; longer openings are not a lead.</summary>
    private const int LeadSentenceChars = 40;

    /// <summary>True when a query with <paramref name="matches"/> matching paragraphs out of <paramref name="paragraphs"/> is specific enough for the lead bonus.</summary>
    public static bool IsSpecific(int matches, int paragraphs) => matches <= paragraphs * LeadBonusMaxShare;

    public static float Adjust(float score, ParagraphRow row, IReadOnlyList<TextSpan> occurrences, bool isSpecific)
    {
        if (row.Kind == ParagraphKinds.Heading)
        {
            return score * HeadingWeight;
        }
        if (isSpecific && occurrences.Count > 0 && row.Kind == ParagraphKinds.Paragraph && occurrences[0].Start < LeadEnd(row.Text))
        {
            return score * LeadBonus;
        }
        return score;
    }

    /// <summary>The end of the first sentence (its 。), or 0 when the paragraph opens without a short sentence.</summary>
    private static int LeadEnd(string text)
    {
        var end = text.AsSpan(0, Math.Min(text.Length, LeadSentenceChars)).IndexOf('。');
        return end < 0 ? 0 : end;
    }
}
