namespace XiqingSearch.Core.Search.Model;

/// <summary>What a facet cut to <c>facetSize</c> left out: how many values, and their hits and occurrences summed.</summary>
public sealed record FacetOmission
{
    /// <summary>Values not listed.</summary>
    public int Values { get; init; }

    /// <summary>Hits (paragraphs) of the values not listed, summed.</summary>
    public int Count { get; init; }

    /// <summary>Occurrences of the values not listed, summed.</summary>
    public int Occurrences { get; init; }
}
