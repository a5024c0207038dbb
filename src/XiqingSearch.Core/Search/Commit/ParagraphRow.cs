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

    /// <summary>
    /// The stored fields a hit shows, read from the commit: one compressed block decoded up to this paragraph, and
    /// of its fields only these made into values (the document's metadata, repeated on every paragraph, and the
    /// words are skipped, where a whole <see cref="Lucene.Net.Documents.Document"/> decoded every one).
    /// </summary>
    public StoredFields Load()
    {
        var visitor = new HitFieldsVisitor();
        Reader.Document(DocId, visitor);
        return visitor.Result();
    }

    public string Id => $"{Document.Doc}#{Paragraph}";

    /// <summary>The normalised text, for highlighting (computed on each call; callers keep it while they need it).</summary>
    public FoldedText Normalized => new(Text);

    /// <summary>The paragraph as answers show it, from <paramref name="stored"/> (read here when not given).</summary>
    public ParagraphView ToView(StoredFields? stored = null)
    {
        stored ??= Load();
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

    /// <summary>Collects the fields of <see cref="StoredFields"/> and skips every other.</summary>
    private sealed class HitFieldsVisitor : StoredFieldVisitor
    {
        private string? _text;
        private List<string>? _chapter;
        private List<string>? _topicKeywords;
        private int _firstLine;
        private int _lastLine;
        private int? _firstPage;
        private int? _lastPage;
        private bool _ocr;
        private double? _ocrConfidence;
        private bool _hasFirstLine;
        private bool _hasLastLine;
        private bool _hasOcr;

        public override Status NeedsField(FieldInfo fieldInfo) => fieldInfo.Name switch
        {
            FieldNames.Text or FieldNames.Chapter or FieldNames.TopicKeywords or FieldNames.FirstLine or FieldNames.LastLine
                or FieldNames.FirstPage or FieldNames.LastPage or FieldNames.Ocr or FieldNames.OcrConfidence => Status.YES,
            _ => Status.NO,
        };

        // As Document.Get and GetValues read them: the first string value of a field, every string value of a list.
        public override void StringField(FieldInfo fieldInfo, string value)
        {
            switch (fieldInfo.Name)
            {
                case FieldNames.Text:
                    _text ??= value;
                    break;
                case FieldNames.Chapter:
                    (_chapter ??= []).Add(value);
                    break;
                case FieldNames.TopicKeywords:
                    (_topicKeywords ??= []).Add(value);
                    break;
                case FieldNames.Ocr when !_hasOcr:
                    _hasOcr = true;
                    _ocr = value == "true";
                    break;
                default:
                    break;
            }
        }

        public override void Int32Field(FieldInfo fieldInfo, int value) => Number(fieldInfo.Name, value);

        public override void Int64Field(FieldInfo fieldInfo, long value) => Number(fieldInfo.Name, value);

        public override void SingleField(FieldInfo fieldInfo, float value) => Number(fieldInfo.Name, value);

        public override void DoubleField(FieldInfo fieldInfo, double value) => Number(fieldInfo.Name, value);

        /// <summary>As <c>GetField(name)?.GetInt32Value()</c> read a number: the first field of the name, converted.</summary>
        private void Number(string name, double value)
        {
            switch (name)
            {
                case FieldNames.FirstLine when !_hasFirstLine:
                    _hasFirstLine = true;
                    _firstLine = (int)value;
                    break;
                case FieldNames.LastLine when !_hasLastLine:
                    _hasLastLine = true;
                    _lastLine = (int)value;
                    break;
                case FieldNames.FirstPage:
                    _firstPage ??= (int)value;
                    break;
                case FieldNames.LastPage:
                    _lastPage ??= (int)value;
                    break;
                case FieldNames.OcrConfidence:
                    _ocrConfidence ??= value;
                    break;
                default:
                    break;
            }
        }

        public StoredFields Result() => new(_text!, _chapter is null ? [] : [.. _chapter], _topicKeywords is null ? [] : [.. _topicKeywords],
            _firstLine, _lastLine, _firstPage, _lastPage)
        {
            Ocr = _ocr,
            OcrConfidence = _ocrConfidence,
        };
    }
}
