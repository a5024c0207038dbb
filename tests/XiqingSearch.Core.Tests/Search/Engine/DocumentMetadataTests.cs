using System.Text;
using System.Text.Json;
using XiqingSearch.Core.Export;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Tests.Indexing;

namespace XiqingSearch.Core.Tests.Search.Engine;

/// <summary>
/// The real seeds plus a text document with no year anywhere, and catalogue metadata for one seed, built into a
/// real index: what the unknown year and the document metadata become in every output.
/// </summary>
public sealed class MetadataIndexFixture : IDisposable
{
    public const string Undated = "notes";
    public const string Catalogued = "000_313d8db390bab93c";
    public const string Issuer = "天津市西青区人民政府";
    public const string UndatedIssuer = "西青区民政局";
    public const string Number = "津西青政发〔2024〕1号";
    public const string Url = "https://www.tjxq.gov.cn/zwgk/example.html";

    private readonly TempWorkspace _workspace = new();

    public MetadataIndexFixture()
    {
        File.WriteAllText(Path.Combine(_workspace.Seeds, Undated + ".txt"),
            "关于推进社区养老服务的通知\n\n各街道办事处：\n\n为推动社区养老服务高质量发展，现就有关事项通知如下。\n\n"
            + "一、加强社区养老服务设施建设\n\n推进养老服务设施建设，推动高质量发展。\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(_workspace.Seeds, Catalog.FileName), $$"""
            { "documents": {
                "{{Catalogued}}": { "number": "{{Number}}", "issuer": "{{Issuer}}", "writtenDate": "2024-01-18",
                    "publishedDate": "2024-01-25", "url": "{{Url}}" },
                "{{Undated}}": { "issuer": "{{UndatedIssuer}}" }
            } }
            """, new UTF8Encoding(false));
        Options = _workspace.Options;
        var built = IndexBuilder.Build(Options);
        Assert.True(built.IsSuccess, string.Join("; ", built.Problems));
        Engine = SearchEngine.Open(Options).ValueOrThrow();
    }

    public IndexOptions Options { get; }

    public SearchEngine Engine { get; }

    public SearchResponse Search(SearchRequest request)
    {
        var result = Engine.Search(request with { All = true });
        Assert.True(result.IsSuccess, string.Join("; ", result.Problems));
        return result.Value;
    }

    public void Dispose()
    {
        Engine.Dispose();
        _workspace.Dispose();
    }
}

public sealed class DocumentMetadataTests(MetadataIndexFixture index) : IClassFixture<MetadataIndexFixture>
{
    private const string Phrase = "高质量发展";

    private SearchResponse Search(string query, Func<SearchRequest, SearchRequest>? configure = null)
    {
        var request = new SearchRequest { Query = query };
        return index.Search(configure is null ? request : configure(request));
    }

    private int UndatedParagraphs => index.Engine.Documents().Single(d => d.Doc == MetadataIndexFixture.Undated).Paragraphs;

    [Fact]
    public void Documents_UndatedText_YearNullAndNoYearSource()
    {
        var undated = index.Engine.Documents().Single(d => d.Doc == MetadataIndexFixture.Undated);
        Assert.Null(undated.Year);
        Assert.Null(undated.YearSource);
        Assert.Equal(MetadataIndexFixture.UndatedIssuer, undated.Issuer);
        var dated = index.Engine.Documents().Single(d => d.Doc == MetadataIndexFixture.Catalogued);
        Assert.NotNull(dated.Year);
        Assert.NotNull(dated.YearSource);
    }

    [Fact]
    public void Documents_CatalogueMetadata_ReachesSummaryViewAndHits()
    {
        var summary = index.Engine.Documents().Single(d => d.Doc == MetadataIndexFixture.Catalogued);
        Assert.Equal((MetadataIndexFixture.Number, MetadataIndexFixture.Issuer, "2024-01-18", "2024-01-25", MetadataIndexFixture.Url),
            (summary.Number, summary.Issuer, summary.WrittenDate, summary.PublishedDate, summary.SourceUrl));
        var view = index.Engine.GetDocument(MetadataIndexFixture.Catalogued, null).ValueOrThrow();
        Assert.Equal((summary.Number, summary.Issuer, summary.WrittenDate, summary.PublishedDate, summary.SourceUrl, summary.YearSource),
            (view.Number, view.Issuer, view.WrittenDate, view.PublishedDate, view.SourceUrl, view.YearSource));
        var hit = Search(Phrase, r => r with { Docs = [MetadataIndexFixture.Catalogued] }).Hits[0];
        Assert.Equal((summary.Number, summary.Issuer, summary.WrittenDate, summary.PublishedDate, summary.SourceUrl, summary.YearSource),
            (hit.Number, hit.Issuer, hit.WrittenDate, hit.PublishedDate, hit.SourceUrl, hit.YearSource));
        var context = index.Engine.GetParagraph(MetadataIndexFixture.Catalogued, hit.Paragraph, 0).ValueOrThrow();
        Assert.Equal(summary.Issuer, context.Issuer);
    }

    [Fact]
    public void Json_UnknownYear_IsNullAndMetadataNamesAreCamelCase()
    {
        var hit = Search(Phrase, r => r with { Docs = [MetadataIndexFixture.Undated] }).Hits[0];
        var json = JsonDocument.Parse(JsonSerializer.Serialize(hit, XiqingJson.Options)).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("year").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("yearSource").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("number").ValueKind);
        Assert.Equal(MetadataIndexFixture.UndatedIssuer, json.GetProperty("issuer").GetString());
        foreach (var name in new[] { "writtenDate", "publishedDate", "sourceUrl" })
        {
            Assert.True(json.TryGetProperty(name, out _), name);
        }
        var documents = JsonDocument.Parse(JsonSerializer.Serialize(index.Engine.Documents(), XiqingJson.Options)).RootElement;
        var undated = documents.EnumerateArray().Single(d => d.GetProperty("doc").GetString() == MetadataIndexFixture.Undated);
        Assert.Equal(JsonValueKind.Null, undated.GetProperty("year").ValueKind);
        Assert.Equal(JsonValueKind.Array, undated.GetProperty("copies").ValueKind);
        Assert.Equal(JsonValueKind.Array, undated.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public void Facets_UnknownYear_CountedLikeAYearAndListedLast()
    {
        var response = Search(Phrase);
        var years = response.Facets.Year;
        Assert.Equal(YearRange.Unknown, years[^1].Value);
        var undatedHits = response.Hits.Where(h => h.Doc == MetadataIndexFixture.Undated).ToList();
        Assert.NotEmpty(undatedHits);
        Assert.Equal(undatedHits.Count, years[^1].Count);
        Assert.Equal(undatedHits.Sum(h => h.Highlights.Count), years[^1].Occurrences);
        Assert.Equal(response.TotalHits, years.Sum(y => y.Count));
        var known = years.Take(years.Count - 1).Select(y => int.Parse(y.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(known.OrderDescending(), known);
    }

    [Fact]
    public void Search_YearUnknownFilter_KeepsTheUndatedDocumentOnly()
    {
        var response = Search(Phrase, r => r with { Years = SearchLimits.ParseYears(["unknown"]).ValueOrThrow() });
        Assert.NotEmpty(response.Hits);
        Assert.All(response.Hits, h => Assert.Equal(MetadataIndexFixture.Undated, h.Doc));
        Assert.All(response.Hits, h => Assert.Null(h.Year));
        Assert.True(response.Facets.Year.Single(y => y.Value == YearRange.Unknown).Selected);
    }

    [Fact]
    public void Search_YearUnknownMixedWithAYear_KeepsBoth()
    {
        var dated = index.Engine.Documents().Single(d => d.Doc == MetadataIndexFixture.Catalogued).Year!.Value;
        var years = SearchLimits.ParseYears([dated.ToString(System.Globalization.CultureInfo.InvariantCulture), "unknown"]).ValueOrThrow();
        var response = Search(Phrase, r => r with { Years = years });
        Assert.Equal(new int?[] { dated, null }.Order(), response.Hits.Select(h => h.Year).Distinct().Order());
        var all = Search(Phrase);
        Assert.Equal(all.Hits.Count(h => h.Year == dated || h.Year is null), response.TotalHits);
    }

    [Fact]
    public void Query_YearUnknown_MatchesAsTheFilterDoes()
    {
        var filtered = Search(Phrase, r => r with { Years = [YearRange.UnknownYear] });
        var queried = Search(Phrase + " AND year:unknown");
        Assert.Equal(filtered.Hits.Select(h => h.Id), queried.Hits.Select(h => h.Id));
        Assert.Contains("year:unknown", queried.Parsed, StringComparison.Ordinal);
        var excluded = Search(Phrase + " -year:unknown");
        Assert.Equal(Search(Phrase).TotalHits - filtered.TotalHits, excluded.TotalHits);
        Assert.DoesNotContain(excluded.Hits, h => h.Year is null);
    }

    [Fact]
    public void Query_UnknownInARange_ProblemPointsAtIt()
    {
        const string query = "发展 AND year:[unknown TO 2024]";
        var result = index.Engine.Search(new SearchRequest { Query = query });
        Assert.False(result.IsSuccess);
        var span = result.Problems[0].Span!.Value;
        Assert.Equal("unknown", query[span.Start..span.End]);
    }

    [Theory]
    [InlineData(SearchSort.Year)]
    [InlineData(SearchSort.Oldest)]
    public void Search_SortByYear_UnknownYearLast(SearchSort sort)
    {
        var hits = Search(Phrase, r => r with { Sort = sort }).Hits;
        var firstUnknown = hits.ToList().FindIndex(h => h.Year is null);
        Assert.True(firstUnknown > 0);
        Assert.All(hits.Skip(firstUnknown), h => Assert.Null(h.Year));
        var known = hits.Take(firstUnknown).Select(h => h.Year!.Value).ToList();
        Assert.Equal(sort == SearchSort.Year ? known.OrderDescending() : known.Order(), known);
    }

    [Fact]
    public void Compare_UnknownYear_LeftOutAndCounted()
    {
        var result = index.Engine.Compare(new CompareRequest { Phrases = [Phrase] }).ValueOrThrow();
        Assert.Equal(UndatedParagraphs, result.UnknownYearParagraphs);
        Assert.DoesNotContain(0, result.Years);
        var searched = Search(Phrase);
        Assert.Equal(searched.Hits.Where(h => h.Year is not null).Sum(h => h.Highlights.Count), result.Rows[0].Total);
    }

    [Fact]
    public void NewTerms_UnknownYear_LeftOutAndCounted()
    {
        var latest = index.Engine.Documents().Max(d => d.Year)!.Value;
        var result = index.Engine.NewTerms(new NewTermsRequest { Year = latest }).ValueOrThrow();
        Assert.Equal(UndatedParagraphs, result.UnknownYearParagraphs);
        Assert.DoesNotContain(0, result.EarlierYears);
    }

    [Fact]
    public void Csv_MetadataColumns_AppendedAfterTheOldOnesInOrder()
    {
        Assert.Equal(["id", "number", "issuer", "written_date", "published_date", "source_url"], OccurrenceCsv.Columns.Skip(14).Take(6));
        var response = Search(Phrase, r => r with { Docs = [MetadataIndexFixture.Catalogued, MetadataIndexFixture.Undated] });
        using var writer = new StringWriter();
        OccurrenceCsv.Write(response, writer);
        var lines = writer.ToString().TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', OccurrenceCsv.Columns), lines[0]);
        var catalogued = lines.Skip(1).First(l => l.StartsWith(MetadataIndexFixture.Catalogued + ",", StringComparison.Ordinal));
        // After the metadata come the OCR columns (ocr, ocr_confidence, approximate): exact text here.
        Assert.EndsWith($",{MetadataIndexFixture.Number},{MetadataIndexFixture.Issuer},2024-01-18,2024-01-25,{MetadataIndexFixture.Url},false,,false", catalogued);
        var undated = lines.Skip(1).First(l => l.StartsWith(MetadataIndexFixture.Undated + ",", StringComparison.Ordinal));
        Assert.StartsWith(MetadataIndexFixture.Undated + ",,", undated);
        Assert.EndsWith($",,{MetadataIndexFixture.UndatedIssuer},,,,false,,false", undated);
    }

    [Fact]
    public void Facets_Issuer_CountsAndFiltersMultiSelect()
    {
        var all = Search(Phrase);
        var issuers = all.Facets.Issuer.ToDictionary(v => v.Value, v => v.Count);
        Assert.Equal(all.Hits.Count(h => h.Doc == MetadataIndexFixture.Catalogued), issuers[MetadataIndexFixture.Issuer]);
        Assert.Equal(all.Hits.Count(h => h.Doc == MetadataIndexFixture.Undated), issuers[MetadataIndexFixture.UndatedIssuer]);

        var one = Search(Phrase, r => r with { Issuers = [MetadataIndexFixture.Issuer] });
        Assert.All(one.Hits, h => Assert.Equal(MetadataIndexFixture.Issuer, h.Issuer));
        Assert.Equal(issuers[MetadataIndexFixture.Issuer], one.TotalHits);
        // The issuer facet ignores its own filter: the other issuer still shows its count.
        Assert.Equal(issuers[MetadataIndexFixture.UndatedIssuer], one.Facets.Issuer.Single(v => v.Value == MetadataIndexFixture.UndatedIssuer).Count);
        Assert.True(one.Facets.Issuer.Single(v => v.Value == MetadataIndexFixture.Issuer).Selected);

        var both = Search(Phrase, r => r with { Issuers = [MetadataIndexFixture.Issuer, MetadataIndexFixture.UndatedIssuer] });
        Assert.Equal(issuers.Values.Sum(), both.TotalHits);
    }

    [Fact]
    public void Facets_Issuer_DocumentsWithoutIssuerInNoValueAndNoSelection()
    {
        var all = Search(Phrase);
        var without = all.Hits.Count(h => h.Issuer is null);

        // As a terms aggregation leaves out documents without the field: no empty or "unknown" value, and the
        // values count exactly the hits that have an issuer.
        Assert.True(without > 0, "the seeds have documents without an issuer");
        Assert.DoesNotContain(all.Facets.Issuer, v => string.IsNullOrEmpty(v.Value) || v.Value == YearRange.Unknown);
        Assert.Equal(all.TotalHits - without, all.Facets.Issuer.Sum(v => v.Count));
        var every = Search(Phrase, r => r with { Issuers = [.. all.Facets.Issuer.Select(v => v.Value)] });
        Assert.Equal(all.TotalHits - without, every.TotalHits);
        Assert.DoesNotContain(every.Hits, h => h.Issuer is null);
        // The other facets count only what the issuer filter keeps.
        Assert.Equal(every.TotalHits, every.Facets.Year.Sum(v => v.Count));
    }

    [Fact]
    public void Query_IssuerField_PhraseInTheIssuer()
    {
        var hits = Search(Phrase + " AND issuer:民政局").Hits;
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(MetadataIndexFixture.Undated, h.Doc));
        Assert.Equal(Search(Phrase, r => r with { Issuers = [MetadataIndexFixture.Issuer] }).TotalHits,
            Search(Phrase + " AND issuer:\"西青区人民政府\"").TotalHits);
    }

    [Theory]
    [InlineData("number:\"津西青政发〔2024〕1号\"")]
    [InlineData("number:\"津西青政发[2024]1号\"")]
    [InlineData("number:\"津西青政发 （2024） 1号\"")]
    public void Query_NumberField_ExactDocumentNumberInAnyBracketForm(string query)
    {
        var response = Search(query);
        Assert.Equal(index.Engine.Documents().Single(d => d.Doc == MetadataIndexFixture.Catalogued).Paragraphs, response.TotalHits);
        Assert.All(response.Hits, h => Assert.Equal(MetadataIndexFixture.Catalogued, h.Doc));
        Assert.Equal(0, Search("number:\"津西青政发〔2024〕2号\"").TotalHits);
    }

    [Fact]
    public void Query_TitleField_PhraseInTheTitleOnly()
    {
        var response = Search("title:社区养老服务");
        Assert.Equal(UndatedParagraphs, response.TotalHits);
        Assert.All(response.Hits, h => Assert.Equal(MetadataIndexFixture.Undated, h.Doc));
        // A phrase of the text that is not in the title finds nothing as title:.
        Assert.Equal(0, Search("title:设施建设").TotalHits);
        Assert.Contains("title:\"社区养老服务\"", response.Parsed, StringComparison.Ordinal);
    }

    [Fact]
    public void Hints_UnknownYearFilterWithNoUndatedHit_ListsUnknownAmongTheYears()
    {
        var response = index.Engine.Search(new SearchRequest { Query = "天开西青园", Years = [YearRange.UnknownYear] }).ValueOrThrow();
        Assert.Equal(0, response.TotalHits);
        var filter = Assert.Single(response.Hints!.Filters);
        Assert.Equal(["unknown"], filter.Values);
        Assert.True(filter.HitsWithout > 0);
    }

    [Fact]
    public void OriginalFile_OwnFileAndRefusals()
    {
        var original = index.Engine.OriginalFile(MetadataIndexFixture.Undated, null).ValueOrThrow();
        Assert.Equal(MetadataIndexFixture.Undated + ".txt", original.FileName);
        Assert.True(File.Exists(original.Path));
        Assert.Equal(original.Path, index.Engine.OriginalFile(MetadataIndexFixture.Undated, MetadataIndexFixture.Undated + ".txt").ValueOrThrow().Path);
        Assert.Equal(ProblemCodes.NotFound, index.Engine.OriginalFile("no-such-doc", null).Problems[0].Code);
        Assert.Equal(ProblemCodes.NotFound, index.Engine.OriginalFile(MetadataIndexFixture.Undated, "../" + MetadataIndexFixture.Undated + ".txt").Problems[0].Code);
        Assert.Equal(ProblemCodes.NotFound, index.Engine.OriginalFile(MetadataIndexFixture.Undated, Catalog.FileName).Problems[0].Code);
    }
}

public sealed class UndatedOnlyIndexTests
{
    [Fact]
    public void Open_IndexOfUndatedDocumentsOnly_SearchesWithTheUnknownYear()
    {
        // A segment where no paragraph has a year has no year doc values at all.
        using var workspace = new TempWorkspace(copySeeds: false);
        File.WriteAllText(Path.Combine(workspace.Seeds, "notes.txt"),
            "关于推进社区养老服务的通知\n\n各街道办事处：\n\n推动社区养老服务高质量发展。\n", new UTF8Encoding(false));
        Assert.True(IndexBuilder.Build(workspace.Options).IsSuccess);
        using var engine = SearchEngine.Open(workspace.Options).ValueOrThrow();
        var response = engine.Search(new SearchRequest { Query = "养老服务" }).ValueOrThrow();
        Assert.True(response.TotalHits > 0);
        Assert.All(response.Hits, h => Assert.Null(h.Year));
        Assert.Equal([YearRange.Unknown], response.Facets.Year.Select(y => y.Value));
    }
}
