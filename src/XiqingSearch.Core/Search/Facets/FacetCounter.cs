using System.Globalization;

namespace XiqingSearch.Core.Search.Facets;

/// <summary>
/// Counts paragraphs and occurrences per facet value over all matches (not one page), each facet over the
/// matches that pass every filter but its own. The values come from doc values, loaded with the commit
/// (<see cref="ParagraphTable"/>).
/// </summary>
internal static class FacetCounter
{
    public static SearchFacets Count(IReadOnlyList<Match> matches, FacetFilter filter)
    {
        return new SearchFacets
        {
            Year = [.. Group(matches, filter, FacetName.Year, m => m.Row.Year.ToString(CultureInfo.InvariantCulture))
                .Select(g => g with { Selected = filter.IsSelectedYear(int.Parse(g.Value, CultureInfo.InvariantCulture)) })
                .OrderByDescending(g => g.Value, StringComparer.Ordinal)],
            Topic = [.. Group(matches, filter, FacetName.Topic, m => m.Row.Topic)
                .Select(g => g with { Selected = filter.IsSelectedTopic(g.Value) })
                .OrderByDescending(g => g.Count).ThenBy(g => g.Value, StringComparer.Ordinal)],
            Chapter = Chapters(matches, filter),
            Doc = [.. Documents(matches, filter)],
        };
    }

    private static List<FacetValue> Chapters(IReadOnlyList<Match> matches, FacetFilter filter)
    {
        var level1 = Group(matches, filter, FacetName.Chapter, m => m.Row.Chapter1.Length == 0 ? null : m.Row.Chapter1)
            .Select(g => g with { Selected = filter.IsSelectedChapter(g.Value) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Value, StringComparer.Ordinal)
            .ToList();
        var result = new List<FacetValue>(level1);
        foreach (var parent in filter.SelectedChapters1)
        {
            result.AddRange(Group(matches, filter, FacetName.Chapter, m => m.Row.Chapter1 == parent ? m.Row.Chapter2 : null)
                .Select(g => g with { Parent = parent, Selected = filter.IsSelectedChapter(g.Value) })
                .OrderByDescending(g => g.Count).ThenBy(g => g.Value, StringComparer.Ordinal));
        }
        return result;
    }

    private static IEnumerable<FacetValue> Documents(IReadOnlyList<Match> matches, FacetFilter filter)
    {
        var byDoc = new SortedDictionary<int, (DocumentInfo Info, int Count, int Occurrences)>();
        foreach (var m in matches)
        {
            if (!filter.PassesAllBut(m.Row, FacetName.Doc))
            {
                continue;
            }
            var info = m.Row.Document;
            byDoc.TryGetValue(info.Ordinal, out var entry);
            byDoc[info.Ordinal] = (info, entry.Count + 1, entry.Occurrences + m.Occurrences.Count);
        }
        return byDoc.Values.Select(e => new FacetValue
        {
            Value = e.Info.Doc,
            Label = e.Info.Title,
            Count = e.Count,
            Occurrences = e.Occurrences,
            Selected = filter.IsSelectedDoc(e.Info.Doc),
        });
    }

    private static IEnumerable<FacetValue> Group(IReadOnlyList<Match> matches, FacetFilter filter, FacetName facet,
        Func<Match, string?> value)
    {
        var counts = new Dictionary<string, (int Count, int Occurrences)>(StringComparer.Ordinal);
        foreach (var m in matches)
        {
            if (!filter.PassesAllBut(m.Row, facet) || value(m) is not { } key)
            {
                continue;
            }
            counts.TryGetValue(key, out var entry);
            counts[key] = (entry.Count + 1, entry.Occurrences + m.Occurrences.Count);
        }
        return counts.Select(kv => new FacetValue { Value = kv.Key, Count = kv.Value.Count, Occurrences = kv.Value.Occurrences });
    }
}
