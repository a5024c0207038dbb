namespace XiqingSearch.Core.Search.Facets;

/// <summary>The facets; <see cref="None"/> means "leave no filter out".</summary>
internal enum FacetName
{
    None,
    Year,
    Topic,
    Chapter,
    Doc,
}
