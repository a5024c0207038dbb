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
        // counting never resizes in the common case.
        var years = new Dictionary<int, Bucket>(16);
        var topics = new Dictionary<string, Bucket>(32, StringComparer.Ordinal);
        var chapters = new Dictionary<string, Bucket>(128, StringComparer.Ordinal);
        var level2 = new Dictionary<string, Bucket>(StringComparer.Ordinal);
        var docs = new Dictionary<DocumentInfo, Bucket>(16, ReferenceEqualityComparer.Instance);
        var drillDown = new HashSet<string>(filter.SelectedChapters1, StringComparer.Ordinal);
        for (var i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            var row = match.Row;
            var occurrences = match.Occurrences.Count;
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

        var chapterValues = chapters
            .Select(kv => Value(kv.Key, kv.Value) with { Selected = filter.IsSelectedChapter(kv.Key) })
            .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
            .ToList();
        foreach (var parent in drillDown)
        {
            chapterValues.AddRange(level2
                .Where(kv => kv.Key.StartsWith(parent + ChapterPath.Separator, StringComparison.Ordinal))
                .Select(kv => Value(kv.Key, kv.Value) with { Parent = parent, Selected = filter.IsSelectedChapter(kv.Key) })
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal));
        }
        return new SearchFacets
        {
            Year = [.. years.OrderByDescending(kv => kv.Key)
                .Select(kv => Value(kv.Key.ToString(CultureInfo.InvariantCulture), kv.Value) with { Selected = filter.IsSelectedYear(kv.Key) })],
            Topic = [.. topics
                .Select(kv => Value(kv.Key, kv.Value) with { Selected = filter.IsSelectedTopic(kv.Key) })
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)],
            Chapter = chapterValues,
            Doc = [.. docs.OrderBy(kv => kv.Key.Ordinal)
                .Select(kv => Value(kv.Key.Doc, kv.Value) with { Label = kv.Key.Title, Selected = filter.IsSelectedDoc(kv.Key.Doc) })],
        };
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

    private static FacetValue Value(string value, Bucket bucket) =>
        new() { Value = value, Count = bucket.Count, Occurrences = bucket.Occurrences };

    private struct Bucket
    {
        public int Count;
        public int Occurrences;
    }
}
