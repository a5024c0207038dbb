using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// Every field of the index, declared once, in the order a paragraph's Lucene document is written: its name (a
/// constant, so readers can switch on it) and beside it how it is written and from what (<see cref="IndexField"/>).
/// One Lucene document is one paragraph (or heading, or table row). The order is part of the index's bytes (stored
/// fields are written in it, and field numbers follow it): a new field goes last, with a schema bump.
/// </summary>
internal static class FieldNames
{
    /// <summary><c>doc#paragraph</c>: lookups by id.</summary>
    public const string Id = "id";
    private static readonly IndexField s_id =
        OfParagraph(Id, p => $"{p.Paragraph.Doc}#{p.Paragraph.Number}") with { Stored = true, Search = FieldSearch.Term };

    /// <summary>Document id: deletes a document's paragraphs, the <c>doc:</c> filter and the document facet.</summary>
    public const string Doc = "doc";
    private static readonly IndexField s_doc =
        OfDocument(Doc, p => p.Paragraph.Doc) with { Stored = true, Search = FieldSearch.Term, DocValues = FieldDocValues.Sorted };

    /// <summary>Source file name.</summary>
    public const string File = "file";
    private static readonly IndexField s_file = OfDocument(File, p => p.Source.File.FileName) with { Stored = true };

    /// <summary>Document title (searched through <see cref="TitleText"/>).</summary>
    public const string Title = "title";
    private static readonly IndexField s_title = OfDocument(Title, p => p.Source.Title) with { Stored = true };

    /// <summary>Document type (<see cref="DocumentTypes"/>); a facet read once per document.</summary>
    public const string Type = "type";
    private static readonly IndexField s_type = OfDocument(Type, p => p.Source.Type) with { Stored = true };

    /// <summary>1-based paragraph number within the document: ranges, and document order.</summary>
    public const string Paragraph = "paragraph";
    private static readonly IndexField s_paragraph =
        OfParagraph(Paragraph, p => p.Paragraph.Number) with { Stored = true, Search = FieldSearch.Number, DocValues = FieldDocValues.Numeric };

    /// <summary><c>paragraph</c>, <c>heading</c>, <c>table-row</c>: the <c>kind:</c> filter.</summary>
    public const string Kind = "kind";
    private static readonly IndexField s_kind =
        OfParagraph(Kind, p => ParagraphKindNames.Of(p.Paragraph.Kind)) with { Stored = true, Search = FieldSearch.Term, DocValues = FieldDocValues.Sorted };

    /// <summary>Primary topic: the <c>topic:</c> filter and facet.</summary>
    public const string Topic = "topic";
    private static readonly IndexField s_topic =
        OfParagraph(Topic, p => p.Paragraph.Topic) with { Stored = true, Search = FieldSearch.Term, DocValues = FieldDocValues.Sorted };

    /// <summary>
    /// The paragraph text as normalised character bigrams (exact phrase matching); the text is stored once, in
    /// <see cref="Text"/>. No offsets: highlights come from scanning the stored text with the same normalisation,
    /// which gives exactly the matched spans.
    /// </summary>
    public const string TextChars = "text_chars";
    private static readonly IndexField s_textChars =
        OfParagraph(TextChars, p => p.Paragraph.Text) with { Search = FieldSearch.Text, Analyzer = FieldAnalyzer.Bigrams };

    /// <summary>Source line range.</summary>
    public const string FirstLine = "first_line";
    private static readonly IndexField s_firstLine = OfParagraph(FirstLine, p => p.Paragraph.FirstLine) with { Stored = true };

    /// <summary>Source line range (inclusive end).</summary>
    public const string LastLine = "last_line";
    private static readonly IndexField s_lastLine = OfParagraph(LastLine, p => p.Paragraph.LastLine) with { Stored = true };

    /// <summary>
    /// The paragraph text, SmartCn words with positions and offsets (BM25 ranking). When the writer gives SmartCn,
    /// the tokens are those analysed once for <see cref="Words"/> too (<see cref="AnalyzedText"/>).
    /// </summary>
    public const string Text = "text";
    private static readonly IndexField s_text = OfParagraph(Text, p => p.Paragraph.Text) with
    {
        Stored = true,
        Search = FieldSearch.Text,
        Analyzer = FieldAnalyzer.SmartCn,
        Offsets = true,
    };

    /// <summary>
    /// The offsets of the text's SmartCn words (<see cref="ParagraphDigest.EncodeWords"/>), written when the writer
    /// gives SmartCn; without, readers analyse the text when they need them.
    /// </summary>
    public const string Words = "words";
    private static readonly IndexField s_words =
        OfParagraph(Words, p => p.Analyzed is { } analyzed ? ParagraphDigest.EncodeWords(analyzed.Words) : null) with { Stored = true };

    /// <summary>
    /// A hash of the stored text (<see cref="ParagraphDigest.Hash"/>). Paragraphs with the same text are read and
    /// scanned once by new-terms and suggestions.
    /// </summary>
    public const string TextHash = "text_hash";
    private static readonly IndexField s_textHash =
        OfParagraph(TextHash, p => ParagraphDigest.Hash(p.Paragraph.Text)) with { DocValues = FieldDocValues.Numeric };

    /// <summary>Characters of the text that matching sees (<see cref="ParagraphDigest.Characters"/>): per-year sizes.</summary>
    public const string Characters = "characters";
    private static readonly IndexField s_characters =
        OfParagraph(Characters, p => ParagraphDigest.Characters(p.Paragraph.Text)) with { DocValues = FieldDocValues.Numeric };

    /// <summary>Page range (PDF, a laid-out DOCX); only when the source has pages.</summary>
    public const string FirstPage = "first_page";
    private static readonly IndexField s_firstPage =
        OfParagraph(FirstPage, p => p.Paragraph is { FirstPage: int first, LastPage: int } ? first : FieldValue.None) with { Stored = true };

    /// <summary>Page range (inclusive end); only when the source has pages.</summary>
    public const string LastPage = "last_page";
    private static readonly IndexField s_lastPage =
        OfParagraph(LastPage, p => p.Paragraph is { FirstPage: int, LastPage: int last } ? last : FieldValue.None) with { Stored = true };

    /// <summary><c>true</c> on a paragraph recognised by OCR (so a filter can leave OCR text out), absent on text
    /// read from a text layer.</summary>
    public const string Ocr = "ocr";
    private static readonly IndexField s_ocr =
        OfParagraph(Ocr, p => p.Paragraph.Ocr ? "true" : null) with { Stored = true, Search = FieldSearch.Term };

    /// <summary>Mean OCR confidence (0..1) of an OCR paragraph, when known.</summary>
    public const string OcrConfidence = "ocr_confidence";
    private static readonly IndexField s_ocrConfidence =
        OfParagraph(OcrConfidence, p => p.Paragraph.Ocr ? FieldValue.Of(p.Paragraph.OcrConfidence) : FieldValue.None) with { Stored = true };

    /// <summary>
    /// Document year: ranges, the year facet and sorting. An unknown year has no year field: its doc value reads 0,
    /// which the paragraph table takes for unknown.
    /// </summary>
    public const string Year = "year";
    private static readonly IndexField s_year =
        OfDocument(Year, p => FieldValue.Of(p.Source.Year)) with { Stored = true, Search = FieldSearch.Number, DocValues = FieldDocValues.Numeric };

    /// <summary>Five-year plan period, when the document has one.</summary>
    public const string Period = "period";
    private static readonly IndexField s_period = OfDocument(Period, p => p.Source.Period) with { Stored = true };

    /// <summary>The title, character-analysed (the <c>title:</c> query field).</summary>
    public const string TitleText = "title_text";
    private static readonly IndexField s_titleText =
        OfDocument(TitleText, p => p.Source.Title) with { Search = FieldSearch.Text, Analyzer = FieldAnalyzer.Bigrams, Norms = false };

    /// <summary>Where the year was read (<see cref="YearSources"/>), when the year is known.</summary>
    public const string YearSource = "year_source";
    private static readonly IndexField s_yearSource = OfDocument(YearSource, p => p.Source.YearSource) with { Stored = true };

    /// <summary>The document number, 文号, when known.</summary>
    public const string Number = "number";
    private static readonly IndexField s_number = OfDocument(Number, p => FieldValue.NotBlank(p.Source.Facts.Number)) with { Stored = true };

    /// <summary>The 文号 folded (<see cref="DocumentNumbers.Key"/>): the <c>number:</c> query field.</summary>
    public const string NumberKey = "number_key";
    private static readonly IndexField s_numberKey =
        OfDocument(NumberKey, p => string.IsNullOrWhiteSpace(p.Source.Facts.Number) ? null : DocumentNumbers.Key(p.Source.Facts.Number))
            with
        { Search = FieldSearch.Term };

    /// <summary>The issuer, 发文机关, when known; a facet read once per document.</summary>
    public const string Issuer = "issuer";
    private static readonly IndexField s_issuer = OfDocument(Issuer, p => FieldValue.NotBlank(p.Source.Facts.Issuer)) with { Stored = true };

    /// <summary>The issuer, character-analysed (the <c>issuer:</c> query field).</summary>
    public const string IssuerText = "issuer_text";
    private static readonly IndexField s_issuerText = OfDocument(IssuerText, p => FieldValue.NotBlank(p.Source.Facts.Issuer)) with
    {
        Search = FieldSearch.Text,
        Analyzer = FieldAnalyzer.Bigrams,
        Norms = false,
    };

    /// <summary>成文日期 as <c>yyyy-MM-dd</c>, when known.</summary>
    public const string WrittenDate = "written_date";
    private static readonly IndexField s_writtenDate = OfDocument(WrittenDate, p => IsoDate(p.Source.Facts.WrittenDate)) with { Stored = true };

    /// <summary>发布日期 as <c>yyyy-MM-dd</c>, when known.</summary>
    public const string PublishedDate = "published_date";
    private static readonly IndexField s_publishedDate = OfDocument(PublishedDate, p => IsoDate(p.Source.Facts.PublishedDate)) with { Stored = true };

    /// <summary>Where the document was published, when known.</summary>
    public const string SourceUrl = "source_url";
    private static readonly IndexField s_sourceUrl = OfDocument(SourceUrl, p => FieldValue.NotBlank(p.Source.Facts.SourceUrl)) with { Stored = true };

    /// <summary>How the document was read, for people (one value each).</summary>
    public const string Warning = "warning";
    private static readonly IndexField s_warning = EachOfDocument(Warning, p => p.Source.Warnings) with { Stored = true };

    /// <summary>File names of the same document in other formats (one value each).</summary>
    public const string Copy = "copy";
    private static readonly IndexField s_copy = EachOfDocument(Copy, p => p.Source.Copies.Select(c => c.FileName)) with { Stored = true };

    /// <summary>Keywords that decided the topic (one value each).</summary>
    public const string TopicKeywords = "topic_keywords";
    private static readonly IndexField s_topicKeywords = EachOfParagraph(TopicKeywords, p => p.Paragraph.TopicKeywords) with { Stored = true };

    /// <summary>Heading path, one value per level, in order.</summary>
    public const string Chapter = "chapter";
    private static readonly IndexField s_chapter = EachOfParagraph(Chapter, p => p.Paragraph.Chapter) with { Stored = true };

    /// <summary>
    /// The headings of the path, character-analysed (the <c>chapter:</c> query field), with a gap between headings
    /// so a phrase never spans two. No norms and no offsets: it filters, and is not highlighted.
    /// </summary>
    public const string ChapterText = "chapter_text";
    private static readonly IndexField s_chapterText = EachOfParagraph(ChapterText, p => p.Paragraph.Chapter) with
    {
        Search = FieldSearch.Text,
        Analyzer = FieldAnalyzer.Bigrams,
        Norms = false,
        ValueGap = 100,
    };

    /// <summary>Level-1 heading (the chapter facet).</summary>
    public const string Chapter1 = "chapter1";
    private static readonly IndexField s_chapter1 =
        OfParagraph(Chapter1, p => p.Paragraph.Chapter.Count >= 1 ? p.Paragraph.Chapter[0] : null) with { DocValues = FieldDocValues.Sorted };

    /// <summary>Level-1 and level-2 headings joined with " > " (the chapter facet's drill-down).</summary>
    public const string Chapter2 = "chapter2";
    private static readonly IndexField s_chapter2 =
        OfParagraph(Chapter2, p => p.Paragraph.Chapter.Count >= 2 ? ChapterPath.Join(p.Paragraph.Chapter.Take(2)) : null)
            with
        { DocValues = FieldDocValues.Sorted };

    /// <summary>Every field, in the order a paragraph's document is written.</summary>
    public static IReadOnlyList<IndexField> All { get; } =
    [
        s_id, s_doc, s_file, s_title, s_type, s_paragraph, s_kind, s_topic, s_textChars, s_firstLine, s_lastLine,
        s_text, s_words, s_textHash, s_characters, s_firstPage, s_lastPage, s_ocr, s_ocrConfidence,
        s_year, s_period, s_titleText, s_yearSource, s_number, s_numberKey, s_issuer, s_issuerText,
        s_writtenDate, s_publishedDate, s_sourceUrl, s_warning, s_copy,
        s_topicKeywords, s_chapter, s_chapterText, s_chapter1, s_chapter2,
    ];

    /// <summary>The declaration of the field named <paramref name="name"/>, or null.</summary>
    public static IndexField? Declared(string name) => All.FirstOrDefault(f => f.Name == name);

    private static IndexField OfParagraph(string name, Func<IndexedParagraph, FieldValue> value) =>
        new(name, FieldScope.Paragraph) { Value = value };

    private static IndexField OfDocument(string name, Func<IndexedParagraph, FieldValue> value) =>
        new(name, FieldScope.Document) { Value = value };

    private static IndexField EachOfParagraph(string name, Func<IndexedParagraph, IEnumerable<string>> values) =>
        new(name, FieldScope.Paragraph) { Values = values };

    private static IndexField EachOfDocument(string name, Func<IndexedParagraph, IEnumerable<string>> values) =>
        new(name, FieldScope.Document) { Values = values };

    private static string? IsoDate(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
