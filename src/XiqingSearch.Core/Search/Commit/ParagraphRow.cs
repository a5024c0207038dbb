using Lucene.Net.Index;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Highlighting;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Commit;

/// <summary>
/// One indexed paragraph as a search sees it: the facet values the commit's <see cref="ParagraphTable"/> read from
/// doc values when it was opened, made into this object when the paragraph is asked for. Its stored text and metadata are read from the index each time they are asked for and not
/// kept: a search reads them only for the page it shows, so the memory a commit holds does not grow with the
/// paragraphs searches have touched (read <see cref="Load"/> once when several fields are needed).
/// </summary>
internal sealed class ParagraphRow
{

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

    public string Text => Load().Text;

    public IReadOnlyList<string> Chapter => Load().Chapter;

    public IReadOnlyList<string> TopicKeywords => Load().TopicKeywords;

    public int FirstLine => Load().FirstLine;

    public int LastLine => Load().LastLine;

    public int? FirstPage => Load().FirstPage;

    public int? LastPage => Load().LastPage;

    /// <summary>The stored fields, read from the commit (a few microseconds: one compressed block).</summary>
    public StoredFields Load()
    {
        var stored = Reader.Document(DocId);
        return new StoredFields(
            stored.Get(FieldNames.Text),
            stored.GetValues(FieldNames.Chapter),
            stored.GetValues(FieldNames.TopicKeywords),
            stored.GetField(FieldNames.FirstLine)?.GetInt32Value() ?? 0,
            stored.GetField(FieldNames.LastLine)?.GetInt32Value() ?? 0,
            stored.GetField(FieldNames.FirstPage)?.GetInt32Value(),
            stored.GetField(FieldNames.LastPage)?.GetInt32Value())
        {
            Ocr = stored.Get(FieldNames.Ocr) == "true",
            OcrConfidence = stored.GetField(FieldNames.OcrConfidence)?.GetDoubleValue(),
        };
    }

    public string Id => $"{Document.Doc}#{Paragraph}";

    /// <summary>The normalised text, for highlighting (computed on each call; callers keep it while they need it).</summary>
    public FoldedText Normalized => new(Text);

    public ParagraphView ToView()
    {
        var stored = Load();
        return new()
        {
            Id = Id,
            Doc = Document.Doc,
            Paragraph = Paragraph,
            Kind = Kind,
            Chapter = stored.Chapter,
            Topic = Topic,
            TopicKeywords = stored.TopicKeywords,
            Text = stored.Text,
            FirstLine = stored.FirstLine,
            LastLine = stored.LastLine,
            FirstPage = stored.FirstPage,
            LastPage = stored.LastPage,
            Ocr = stored.Ocr,
            OcrConfidence = stored.OcrConfidence,
        };
    }
}
