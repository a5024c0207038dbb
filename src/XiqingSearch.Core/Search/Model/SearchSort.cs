namespace XiqingSearch.Core.Search.Model;

/// <summary>How hits are ordered; <see cref="SearchSortNames"/> holds the wire names.</summary>
public enum SearchSort
{
    /// <summary>BM25 on the SmartCn field; ties by year (newest first), then document order (<c>relevance</c>).</summary>
    Relevance,

    /// <summary>Newest year first, then document order (<c>year</c>; <c>newest</c> is accepted too).</summary>
    Year,

    /// <summary>Document (file) order, then paragraph order: reading order through the corpus (<c>document</c>).</summary>
    Document,

    /// <summary>Oldest year first, then document order (<c>oldest</c>).</summary>
    Oldest,
}

/// <summary>The wire names of <see cref="SearchSort"/>, the only place they are spelled (<c>--sort</c>, <c>sort=</c>).</summary>
public static class SearchSortNames
{
    /// <summary>Wire name of <see cref="SearchSort.Relevance"/>.</summary>
    public const string Relevance = "relevance";

    /// <summary>Wire name of <see cref="SearchSort.Year"/>.</summary>
    public const string Year = "year";

    /// <summary>Wire name of <see cref="SearchSort.Oldest"/>.</summary>
    public const string Oldest = "oldest";

    /// <summary>Wire name of <see cref="SearchSort.Document"/>.</summary>
    public const string Document = "document";

    /// <summary>Another name of <see cref="SearchSort.Year"/>, accepted, never written.</summary>
    public const string Newest = "newest";

    /// <summary>Every wire name, in the order help texts list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Relevance, Year, Oldest, Document];

    /// <summary>The wire name of <paramref name="sort"/>.</summary>
    public static string Of(SearchSort sort) => sort switch
    {
        SearchSort.Relevance => Relevance,
        SearchSort.Year => Year,
        SearchSort.Oldest => Oldest,
        SearchSort.Document => Document,
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown sort."),
    };

    /// <summary>Parses a wire name (or <see cref="Newest"/>), ignoring case; false for anything else.</summary>
    public static bool TryParse(string? wireName, out SearchSort sort)
    {
        switch (wireName?.ToLowerInvariant())
        {
            case Relevance:
                sort = SearchSort.Relevance;
                return true;
            case Year or Newest:
                sort = SearchSort.Year;
                return true;
            case Oldest:
                sort = SearchSort.Oldest;
                return true;
            case Document:
                sort = SearchSort.Document;
                return true;
            default:
                sort = default;
                return false;
        }
    }
}
