using XiqingSearch.Core.Indexing;

namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// Every facet, in the order the page lists its filter boxes. A new facet of one value per paragraph or per document
/// is one entry here (with its property on <see cref="SearchFacets"/> and its filter in
/// <see cref="RequestDeclarations"/>); the engine, the response, the hints, the exports and the page take it from here.
/// </summary>
public static class FacetDeclarations
{
    /// <summary>
    /// The most <see cref="FacetShape.Value"/> facets a commit's row keys hold (a fixed array per row, so a match's
    /// ordinals are read from one place); raise it here when a facet past it is declared.
    /// </summary>
    public const int MaxValueFacets = 3;

    public static FacetDeclaration Year { get; } =
        Declare("year", "年份", RequestDeclarations.Year, f => f.Year, (f, v) => f with { Year = v }) with { Shape = FacetShape.Year };

    public static FacetDeclaration Type { get; } =
        Declare("type", "文件类型", RequestDeclarations.Type, f => f.Type, (f, v) => f with { Type = v }, FieldNames.Type, perDocument: true,
            missing: Ingestion.DocumentTypes.Other);

    /// <summary>
    /// 发文机关, as the document states it. A document with none is in no value (as a terms aggregation leaves out
    /// documents without the field), so the facet lists only issuers that exist and <c>issuer=X</c> keeps only X's.
    /// </summary>
    public static FacetDeclaration Issuer { get; } =
        Declare("issuer", "发文机关", RequestDeclarations.Issuer, f => f.Issuer, (f, v) => f with { Issuer = v }, FieldNames.Issuer, perDocument: true);

    public static FacetDeclaration Doc { get; } =
        Declare("doc", "文件", RequestDeclarations.Doc, f => f.Doc, (f, v) => f with { Doc = v }) with { Shape = FacetShape.Document };

    public static FacetDeclaration Topic { get; } =
        Declare("topic", "主题", RequestDeclarations.Topic, f => f.Topic, (f, v) => f with { Topic = v }, FieldNames.Topic);

    public static FacetDeclaration Chapter { get; } =
        Declare("chapter", "章节", RequestDeclarations.Chapter, f => f.Chapter, (f, v) => f with { Chapter = v }) with { Shape = FacetShape.Chapter };

    /// <summary>Every facet, in the order the page lists them.</summary>
    public static IReadOnlyList<FacetDeclaration> All { get; } =
    [
        Year,
        Type,
        Issuer,
        Doc,
        Topic,
        Chapter,
    ];

    /// <summary>The facets of <see cref="FacetShape.Value"/>, in <see cref="All"/>'s order: the engine's arrays are indexed by place here.</summary>
    public static IReadOnlyList<FacetDeclaration> Valued { get; } = Checked([.. All.Where(f => f.Shape == FacetShape.Value)]);

    /// <summary>
    /// The facets in their filters' order (<see cref="RequestDeclarations.Filters"/>), which is also the order of
    /// the response's <c>facets</c> and <c>facetsOmitted</c>.
    /// </summary>
    public static IReadOnlyList<FacetDeclaration> InFilterOrder { get; } =
        [.. RequestDeclarations.Filters.Select(f => All.FirstOrDefault(d => d.Filter == f)).OfType<FacetDeclaration>()];

    /// <summary>The place of a <see cref="FacetShape.Value"/> facet in <see cref="Valued"/>.</summary>
    public static int ValueIndexOf(FacetDeclaration facet) => IndexIn(Valued, facet);

    /// <summary>The facet <paramref name="parameter"/> filters, or null (a filter with no facet: heading, kind).</summary>
    public static FacetDeclaration? Of(RequestParameter parameter) => All.FirstOrDefault(f => f.Filter.Parameter.Parameter == parameter);

    /// <summary>The facet named <paramref name="name"/>, or null.</summary>
    public static FacetDeclaration? Named(string name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>The empty facets: every declared facet without values.</summary>
    public static SearchFacets Empty { get; } = All.Aggregate(new SearchFacets { Year = [], Topic = [], Chapter = [], Doc = [] }, (f, d) => d.With(f, []));

    /// <summary>A facet of <paramref name="filter"/>'s name, a value facet unless its shape is set after.</summary>
    private static FacetDeclaration Declare(string name, string label, ParameterDeclaration filter,
        Func<SearchFacets, IReadOnlyList<FacetValue>> values, Func<SearchFacets, IReadOnlyList<FacetValue>, SearchFacets> with,
        string? field = null, bool perDocument = false, string? missing = null) =>
        new(name, label, RequestDeclarations.Filters.Single(f => f.Parameter == filter), values, with)
        {
            Field = field,
            PerDocument = perDocument,
            Missing = missing,
        };

    private static int IndexIn(IReadOnlyList<FacetDeclaration> list, FacetDeclaration facet)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], facet))
            {
                return i;
            }
        }
        return -1;
    }

    private static IReadOnlyList<FacetDeclaration> Checked(IReadOnlyList<FacetDeclaration> valued) =>
        valued.Count <= MaxValueFacets && valued.All(f => f.Field is not null)
            ? valued
            : throw new InvalidOperationException($"At most {MaxValueFacets} value facets, each with a field: raise FacetDeclarations.MaxValueFacets.");
}
