using System.Globalization;

namespace XiqingSearch.Core.Search.Facets;

/// <summary>
/// Counts paragraphs and occurrences per facet value over all matches (not one page), each facet over the
/// matches that pass every filter but its own. The values come from doc values, loaded with the commit
/// (<see cref="ParagraphTable"/>); each match's filters are evaluated once (<see cref="FacetFilter.Evaluate"/>).
/// </summary>
internal static class FacetCounter
{
    public static SearchFacets Count(IReadOnlyList<Match> matches, IReadOnlyList<FacetMask> failed, FacetFilter filter)
    {
        // Sized for a typical corpus (a handful of years and documents, ~15 topics, tens of chapters) so that
        // counting never resizes in the common case, but never larger than the matches: most queries match a
        // few paragraphs, and these tables are most of what a search allocates.
        var n = matches.Count;
        var years = new Dictionary<int, Bucket>(Math.Min(n, 16));
        var topics = new Dictionary<string, Bucket>(Math.Min(n, 32), StringComparer.Ordinal);
        var chapters = new Dictionary<string, Bucket>(Math.Min(n, 128), StringComparer.Ordinal);
        var level2 = new Dictionary<string, Bucket>(StringComparer.Ordinal);
        var docs = new Dictionary<DocumentInfo, Bucket>(Math.Min(n, 16), ReferenceEqualityComparer.Instance);
        var drillDown = new HashSet<string>(filter.SelectedChapters1, StringComparer.Ordinal);
        for (var i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            var row = match.Row;
            var occurrences = match.Occurrences;
            var fails = failed[i];
            if (PassesAllBut(fails, FacetMask.Year))
            {
                Add(years, row.Year, occurrences);
            }
            if (PassesAllBut(fails, FacetMask.Topic))
            {
                Add(topics, row.Topic, occurrences);
            }
            if (PassesAllBut(fails, FacetMask.Chapter) && row.Chapter1.Length > 0)
            {
                Add(chapters, row.Chapter1, occurrences);
                if (row.Chapter2 is not null && drillDown.Contains(row.Chapter1))
                {
                    Add(level2, row.Chapter2, occurrences);
                }
            }
            if (PassesAllBut(fails, FacetMask.Doc))
            {
                Add(docs, row.Document, occurrences);
            }
        }

        var chapterValues = Sorted(chapters, (key, bucket) => Value(key, bucket, filter.IsSelectedChapter(key)), ByCountThenValue);
        foreach (var parent in drillDown)
        {
            var prefix = parent + ChapterPath.Separator;
            var children = new List<FacetValue>();
            foreach (var (key, bucket) in level2)
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    children.Add(Value(key, bucket, filter.IsSelectedChapter(key)) with { Parent = parent });
                }
            }
            children.Sort(ByCountThenValue);
            chapterValues.AddRange(children);
        }
        var yearValues = Sorted(years, (year, bucket) => Value(year.ToString(CultureInfo.InvariantCulture), bucket, filter.IsSelectedYear(year)),
            (a, b) => string.CompareOrdinal(b.Value, a.Value));
        var docValues = new List<FacetValue>(docs.Count);
        foreach (var (document, bucket) in docs.OrderBy(kv => kv.Key.Ordinal))
        {
            docValues.Add(Value(document.Doc, bucket, filter.IsSelectedDoc(document.Doc)) with { Label = document.Title });
        }
        return new SearchFacets
        {
            Year = yearValues,
            Topic = Sorted(topics, (key, bucket) => Value(key, bucket, filter.IsSelectedTopic(key)), ByCountThenValue),
            Chapter = chapterValues,
            Doc = docValues,
        };
    }

    /// <summary>Most paragraphs first, then by value (ordinal), so equal counts list in a stable order.</summary>
    private static int ByCountThenValue(FacetValue a, FacetValue b)
    {
        var c = b.Count.CompareTo(a.Count);
        return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
    }

    private static List<FacetValue> Sorted<TKey>(Dictionary<TKey, Bucket> buckets, Func<TKey, Bucket, FacetValue> value,
        Comparison<FacetValue> order)
        where TKey : notnull
    {
        var values = new List<FacetValue>(buckets.Count);
        foreach (var (key, bucket) in buckets)
        {
            values.Add(value(key, bucket));
        }
        values.Sort(order);
        return values;
    }

    /// <summary>A row counts for a facet when it fails no filter other than that facet's own.</summary>
    private static bool PassesAllBut(FacetMask failed, FacetMask facet) => (failed & ~facet) == FacetMask.None;

    private static void Add<TKey>(Dictionary<TKey, Bucket> buckets, TKey key, int occurrences)
        where TKey : notnull
    {
        ref var bucket = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(buckets, key, out _);
        bucket.Count++;
        bucket.Occurrences += occurrences;
    }

    private static FacetValue Value(string value, Bucket bucket, bool selected) =>
        new() { Value = value, Count = bucket.Count, Occurrences = bucket.Occurrences, Selected = selected };

    private struct Bucket
    {
        public int Count;
        public int Occurrences;
    }
}
