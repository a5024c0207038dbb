using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Problems;

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
    public const int MaxValueFacets = 4;

    public static FacetDeclaration Year { get; } = new()
    {
        Name = "year",
        Label = "年份",
        Filter = FilterOf(RequestDeclarations.Year),
        Shape = FacetShape.Year,
        Values = f => f.Year,
        With = (f, v) => f with { Year = v },
    };

    public static FacetDeclaration Type { get; } = new()
    {
        Name = "type",
        Label = "文件类型",
        Filter = FilterOf(RequestDeclarations.Type),
        Field = FieldNames.Type,
        PerDocument = true,
        Missing = Ingestion.DocumentTypes.Other,
        Values = f => f.Type,
        With = (f, v) => f with { Type = v },
    };

    /// <summary>
    /// 发文机关, as the document states it. A document with none is in no value (as a terms aggregation leaves out
    /// documents without the field), so the facet lists only issuers that exist and <c>issuer=X</c> keeps only X's.
    /// </summary>
    public static FacetDeclaration Issuer { get; } = new()
    {
        Name = "issuer",
        Label = "发文机关",
        Filter = FilterOf(RequestDeclarations.Issuer),
        Field = FieldNames.Issuer,
        PerDocument = true,
        Values = f => f.Issuer,
        With = (f, v) => f with { Issuer = v },
    };

    public static FacetDeclaration Doc { get; } = new()
    {
        Name = "doc",
        Label = "文件",
        Filter = FilterOf(RequestDeclarations.Doc),
        Shape = FacetShape.Document,
        Values = f => f.Doc,
        With = (f, v) => f with { Doc = v },
    };

    public static FacetDeclaration Topic { get; } = new()
    {
        Name = "topic",
        Label = "主题",
        Filter = FilterOf(RequestDeclarations.Topic),
        Field = FieldNames.Topic,
        Values = f => f.Topic,
        With = (f, v) => f with { Topic = v },
    };

    public static FacetDeclaration Chapter { get; } = new()
    {
        Name = "chapter",
        Label = "章节",
        Filter = FilterOf(RequestDeclarations.Chapter),
        Shape = FacetShape.Chapter,
        Values = f => f.Chapter,
        With = (f, v) => f with { Chapter = v },
    };

    /// <summary>Every facet, in the page's order; a facet's place here is its bit in the engine's filter masks.</summary>
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

    private static FilterDeclaration FilterOf(ParameterDeclaration parameter) =>
        RequestDeclarations.Filters.Single(f => f.Parameter == parameter);

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
