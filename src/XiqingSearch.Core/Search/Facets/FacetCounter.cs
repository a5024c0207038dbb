using System.Globalization;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Facets;

/// <summary>
/// Counts paragraphs and occurrences per facet value over all matches (not one page), each facet over the
/// matches that pass every filter but its own, one match at a time as the query finds them (<see cref="Add"/>).
/// The values come from doc values, loaded with the commit
/// (<see cref="ParagraphTable"/>); each match's filters are evaluated once (<see cref="FacetFilter.Evaluate"/>).
/// </summary>
internal sealed class FacetCounter
{
    // Sized for a search that matches a few paragraphs, the common case: these tables are most of what such a
    // search allocates, and they grow as needed for a common phrase.
    private readonly Dictionary<int, Bucket> _years = new(4);
    private readonly Dictionary<string, Bucket> _topics = new(4, StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> _chapters = new(4, StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> _level2 = new(StringComparer.Ordinal);
    private readonly Dictionary<DocumentInfo, Bucket> _docs = new(4, ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _drillDown;
    private readonly FacetFilter _filter;

    public FacetCounter(FacetFilter filter)
    {
        _filter = filter;
        _drillDown = new HashSet<string>(filter.SelectedChapters1, StringComparer.Ordinal);
    }

    /// <summary>Counts one match (with <paramref name="occurrences"/>) in every facet whose filters it passes but that facet's own.</summary>
    public void Add(ParagraphRow row, int occurrences, FacetMask fails)
    {
        if (PassesAllBut(fails, FacetMask.Year))
        {
            Add(_years, row.Year, occurrences);
        }
        if (PassesAllBut(fails, FacetMask.Topic))
        {
            Add(_topics, row.Topic, occurrences);
        }
        if (PassesAllBut(fails, FacetMask.Chapter) && row.Chapter1.Length > 0)
        {
            Add(_chapters, row.Chapter1, occurrences);
            if (row.Chapter2 is not null && _drillDown.Contains(row.Chapter1))
            {
                Add(_level2, row.Chapter2, occurrences);
            }
        }
        if (PassesAllBut(fails, FacetMask.Doc))
        {
            Add(_docs, row.Document, occurrences);
        }
    }

    /// <summary>The facets of every match added.</summary>
    public SearchFacets Result()
    {
        var (years, topics, chapters, level2, docs, drillDown, filter) = (_years, _topics, _chapters, _level2, _docs, _drillDown, _filter);
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
