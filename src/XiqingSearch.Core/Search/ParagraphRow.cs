using Lucene.Net.Index;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Highlighting;

namespace XiqingSearch.Core.Search;

/// <summary>
/// One indexed paragraph as the searcher holds it in memory: the facet values read from doc values when the
/// commit is opened, and (read on first use) its stored text and metadata and its normalised text for highlighting.
/// </summary>
internal sealed class ParagraphRow
{
    private NormalizedText? _normalized;
    private StoredParagraph? _stored;

    public required DocumentInfo Document { get; init; }

    public required int Paragraph { get; init; }

    public required int Year { get; init; }

    public required string Kind { get; init; }

    public required string Topic { get; init; }

    /// <summary>Level-1 heading, or empty.</summary>
    public required string Chapter1 { get; init; }

    /// <summary>Level 1 and 2 joined with " > ", or null when the path has one level.</summary>
    public required string? Chapter2 { get; init; }

    /// <summary>The commit's reader and this paragraph's doc id in it, to read the stored fields from.</summary>
    public required IndexReader Reader { get; init; }

    public required int DocId { get; init; }

    public string Text => Stored.Text;

    public IReadOnlyList<string> Chapter => Stored.Chapter;

    public IReadOnlyList<string> TopicKeywords => Stored.TopicKeywords;

    public int FirstLine => Stored.FirstLine;

    public int LastLine => Stored.LastLine;

    public int? FirstPage => Stored.FirstPage;

    public int? LastPage => Stored.LastPage;

    /// <summary>
    /// Stored fields are read lazily: opening a commit reads only doc values, and a search reads the stored
    /// fields of its matches. Racing threads read the same immutable value.
    /// </summary>
    private StoredParagraph Stored => _stored ??= ReadStored();

    private StoredParagraph ReadStored()
    {
        var stored = Reader.Document(DocId);
        return new StoredParagraph(
            stored.Get(FieldNames.Text),
            stored.GetValues(FieldNames.Chapter),
            stored.GetValues(FieldNames.TopicKeywords),
            stored.GetField(FieldNames.FirstLine)?.GetInt32Value() ?? 0,
            stored.GetField(FieldNames.LastLine)?.GetInt32Value() ?? 0,
            stored.GetField(FieldNames.FirstPage)?.GetInt32Value(),
            stored.GetField(FieldNames.LastPage)?.GetInt32Value());
    }

    public string Id => $"{Document.Doc}#{Paragraph}";

    /// <summary>The normalised text; computed once, racing threads compute the same immutable value.</summary>
    public NormalizedText Normalized => _normalized ??= new NormalizedText(Text);

    public ParagraphView ToView() => new()
    {
        Id = Id,
        Doc = Document.Doc,
        Paragraph = Paragraph,
        Kind = Kind,
        Chapter = Chapter,
        Topic = Topic,
        TopicKeywords = TopicKeywords,
        Text = Text,
        FirstLine = FirstLine,
        LastLine = LastLine,
        FirstPage = FirstPage,
        LastPage = LastPage,
    };
}
