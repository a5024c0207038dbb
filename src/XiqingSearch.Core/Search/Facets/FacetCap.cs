using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Facets;

/// <summary>
/// Cuts every facet to a size: the values with most hits are kept (and every selected value, whatever its count),
/// in the facet's own order, so arrays keep their shape; what was left out is summed per facet, and only a facet
/// that was cut is named.
/// </summary>
internal static class FacetCap
{
    /// <summary>The facets cut to <paramref name="size"/> values (0: all), and what each cut facet left out (null: none cut).</summary>
    public static (SearchFacets Facets, IReadOnlyDictionary<string, FacetOmission>? Omitted) Apply(SearchFacets facets, int size)
    {
        if (size <= 0)
        {
            return (facets, null);
        }
        var omitted = new Dictionary<string, FacetOmission>(StringComparer.Ordinal);
        var cut = facets;
        foreach (var facet in FacetDeclarations.InFilterOrder)
        {
            cut = facet.With(cut, Cut(facet.Name, facet.Values(facets), size, omitted));
        }
        return (cut, omitted.Count == 0 ? null : omitted);
    }

    private static IReadOnlyList<FacetValue> Cut(string name, IReadOnlyList<FacetValue> values, int size, Dictionary<string, FacetOmission> omitted)
    {
        if (values.Count <= size)
        {
            return values;
        }
        // Most hits first, the facet's own order on equal counts: every value above the size-th largest count, then
        // those equal to it from the first on, until there are size (what a stable sort by count would take, without
        // sorting the values: the document facet of a common phrase has thousands).
        var counts = new int[values.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = values[i].Count;
        }
        Array.Sort(counts);
        var least = counts[^size];
        var keep = new bool[values.Count];
        var kept = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Count > least)
            {
                keep[i] = true;
                kept++;
            }
        }
        for (var i = 0; i < values.Count && kept < size; i++)
        {
            if (values[i].Count == least)
            {
                keep[i] = true;
                kept++;
            }
        }
        var shown = new List<FacetValue>(size);
        int leftValues = 0, leftCount = 0, leftOccurrences = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (keep[i] || values[i].Selected)
            {
                shown.Add(values[i]);
            }
            else
            {
                leftValues++;
                leftCount += values[i].Count;
                leftOccurrences += values[i].Occurrences;
            }
        }
        if (leftValues > 0)
        {
            omitted[name] = new FacetOmission { Values = leftValues, Count = leftCount, Occurrences = leftOccurrences };
        }
        return shown;
    }
}
