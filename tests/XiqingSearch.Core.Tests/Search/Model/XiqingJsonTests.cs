using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Model;

/// <summary>
/// The generated serialisers write exactly what reflection over the same models with the same settings writes,
/// so moving the result models to build-time serialisers changed no byte of the API or of <c>--format json</c>.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class XiqingJsonTests(SeedIndexFixture index)
{
    private static readonly JsonSerializerOptions s_reflection = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private const string IdentityFields = "doc,title,year,number,issuer,writtenDate,publishedDate,sourceUrl,yearSource";

    private const string DocumentFields = IdentityFields + ",copies,warnings,period,type,file";

    [Fact]
    public void DocumentSummaryAndView_SharedDescription_KeepTheirFieldOrder()
    {
        var summary = index.Engine.Documents()[0];
        var view = index.Engine.GetDocument(summary.Doc, "天开西青园").ValueOrThrow();

        Assert.Equal(DocumentFields + ",paragraphs,kinds,skipped", string.Join(',', Names(summary)));
        Assert.Equal(DocumentFields + ",query,totalOccurrences,hitParagraphs,paragraphs", string.Join(',', Names(view)));
    }

    [Fact]
    public void ParagraphContext_SharedIdentity_KeepsItsFieldOrder()
    {
        var doc = index.Engine.Documents()[0].Doc;

        var context = index.Engine.GetParagraph(doc, 2, 1).ValueOrThrow();

        // The paragraph answer says which document as every document answer does, then only its file: no copies,
        // warnings, period or type.
        Assert.Equal(IdentityFields + ",file,paragraph,before,after", string.Join(',', Names(context)));
        AssertSame(context);
    }

    private const string ParagraphTail = "text,firstLine,lastLine,firstPage,lastPage,ocr,ocrConfidence";

    [Fact]
    public void SearchHitAndParagraphView_SharedDescription_KeepTheirFieldOrder()
    {
        var hit = index.Engine.Search(new SearchRequest { Query = "\"天开西青园\"", Limit = 1 }).ValueOrThrow().Hits[0];
        var view = index.Engine.GetParagraph(hit.Doc, hit.Paragraph, 0).ValueOrThrow().Paragraph;

        Assert.Equal("id,doc,title,year,number,issuer,writtenDate,publishedDate,sourceUrl,yearSource,paragraph,kind,chapter,topic,score," +
            "text,highlights,snippet,snippetHighlights,firstLine,lastLine,firstPage,lastPage,ocr,ocrConfidence", string.Join(',', Names(hit)));
        Assert.Equal("id,doc,paragraph,kind,chapter,topic,topicKeywords," + ParagraphTail, string.Join(',', Names(view)));
        // One piece made both: the paragraph's fields are equal.
        Assert.Equal((view.Id, view.Text, view.Kind, view.Topic, view.FirstLine, view.LastLine), (hit.Id, hit.Text, hit.Kind, hit.Topic, hit.FirstLine, hit.LastLine));
        Assert.Equal(view.Chapter, hit.Chapter);
        AssertSame(hit);
    }

    private static IEnumerable<string> Names<T>(T value) =>
        JsonDocument.Parse(JsonSerializer.Serialize(value, XiqingJson.Options)).RootElement.EnumerateObject().Select(p => p.Name);

    [Fact]
    public void GeneratedSerialisers_WriteWhatReflectionWrites()
    {
        var search = index.Engine.Search(new SearchRequest { Query = "天开西青园 OR 京津冀", Sort = SearchSort.Year, Limit = 3 }).ValueOrThrow();
        var compare = index.Engine.Compare(new CompareRequest { Phrases = ["天开西青园", "碳达峰"] }).ValueOrThrow();
        var newTerms = index.Engine.NewTerms(new NewTermsRequest { Year = 2025, Limit = 3 }).ValueOrThrow();
        var stats = index.Engine.Stats();
        var documents = index.Engine.Documents();

        AssertSame(search);
        AssertSame(compare);
        AssertSame(newTerms);
        AssertSame(stats);
        AssertSame(documents);
        // The generated path is the one taken (no reflection metadata for these types).
        Assert.True(XiqingJsonContextHas(typeof(SearchResponse)));
    }

    private static void AssertSame<T>(T value) =>
        Assert.Equal(JsonSerializer.Serialize(value, s_reflection), JsonSerializer.Serialize(value, XiqingJson.Indented));

    private static bool XiqingJsonContextHas(Type type) =>
        XiqingJson.Indented.TypeInfoResolverChain[0].GetTypeInfo(type, XiqingJson.Indented) is not null;
}
