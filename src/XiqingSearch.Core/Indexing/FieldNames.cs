namespace XiqingSearch.Core.Indexing;

/// <summary>
/// Every field of the index, in one place. One Lucene document is one paragraph (or heading, or table row).
/// </summary>
internal static class FieldNames
{
    /// <summary><c>doc#paragraph</c>; stored, indexed as one term (lookups by id).</summary>
    public const string Id = "id";

    /// <summary>Document id; stored, one term, sorted doc values (facet).</summary>
    public const string Doc = "doc";

    /// <summary>Document title; stored.</summary>
    public const string Title = "title";

    /// <summary>Document year; stored, Int32 for range queries, numeric doc values (facet, sort).</summary>
    public const string Year = "year";

    /// <summary>Five-year plan period; stored when present.</summary>
    public const string Period = "period";

    /// <summary>Document type; stored.</summary>
    public const string Type = "type";

    /// <summary>1-based paragraph number within the document; stored, Int32, numeric doc values.</summary>
    public const string Paragraph = "paragraph";

    /// <summary><c>paragraph</c>, <c>heading</c>, <c>table-row</c>; stored, one term, sorted doc values.</summary>
    public const string Kind = "kind";

    /// <summary>Heading path; stored once per level (multi-valued, in order).</summary>
    public const string Chapter = "chapter";

    /// <summary>Level-1 heading; sorted doc values (facet).</summary>
    public const string Chapter1 = "chapter1";

    /// <summary>Level-1 and level-2 headings joined with " > "; sorted doc values (drill-down facet).</summary>
    public const string Chapter2 = "chapter2";

    /// <summary>The headings of the path, character-analysed (the <c>chapter:</c> query field).</summary>
    public const string ChapterText = "chapter_text";

    /// <summary>Primary topic; stored, one term, sorted doc values (facet).</summary>
    public const string Topic = "topic";

    /// <summary>Keywords that decided the topic; stored (multi-valued).</summary>
    public const string TopicKeywords = "topic_keywords";

    /// <summary>The paragraph text: stored, SmartCn-analysed with positions and offsets (BM25 ranking).</summary>
    public const string Text = "text";

    /// <summary>The paragraph text as normalised character bigrams with positions (exact phrase matching).</summary>
    public const string TextChars = "text_chars";

    /// <summary>Source line range; stored.</summary>
    public const string FirstLine = "first_line";

    /// <summary>Source line range (inclusive end); stored.</summary>
    public const string LastLine = "last_line";

    /// <summary>Page range (PDF, a laid-out DOCX); stored only when the source has pages.</summary>
    public const string FirstPage = "first_page";

    /// <summary>Page range (inclusive end); stored only when the source has pages.</summary>
    public const string LastPage = "last_page";

    /// <summary>Source file name; stored.</summary>
    public const string File = "file";

    /// <summary>Where the year was read (<see cref="Ingestion.YearSources"/>); stored when the year is known.</summary>
    public const string YearSource = "year_source";

    /// <summary>The document number, 文号; stored when known.</summary>
    public const string Number = "number";

    /// <summary>The 文号 folded (<see cref="DocumentNumbers.Key"/>), one term: the <c>number:</c> query field.</summary>
    public const string NumberKey = "number_key";

    /// <summary>The issuer, 发文机关; stored when known.</summary>
    public const string Issuer = "issuer";

    /// <summary>The issuer, character-analysed (the <c>issuer:</c> query field).</summary>
    public const string IssuerText = "issuer_text";

    /// <summary>The title, character-analysed (the <c>title:</c> query field).</summary>
    public const string TitleText = "title_text";

    /// <summary>成文日期 as <c>yyyy-MM-dd</c>; stored when known.</summary>
    public const string WrittenDate = "written_date";

    /// <summary>发布日期 as <c>yyyy-MM-dd</c>; stored when known.</summary>
    public const string PublishedDate = "published_date";

    /// <summary>Where the document was published; stored when known.</summary>
    public const string SourceUrl = "source_url";

    /// <summary>How the document was read, for people; stored (multi-valued).</summary>
    public const string Warning = "warning";

    /// <summary>File names of the same document in other formats; stored (multi-valued).</summary>
    public const string Copy = "copy";

    /// <summary><c>true</c> on a paragraph recognised by OCR; stored, one term (so a filter can leave OCR text out),
    /// absent on text read from a text layer.</summary>
    public const string Ocr = "ocr";

    /// <summary>Mean OCR confidence (0..1) of an OCR paragraph; stored when known.</summary>
    public const string OcrConfidence = "ocr_confidence";

    /// <summary>
    /// A hash of the stored text (<see cref="ParagraphDigest.Hash"/>); numeric doc values. Paragraphs with the same
    /// text are read and scanned once by new-terms and suggestions.
    /// </summary>
    public const string TextHash = "text_hash";

    /// <summary>Characters of the text that matching sees (<see cref="ParagraphDigest.Characters"/>); numeric doc values (per-year sizes).</summary>
    public const string Characters = "characters";

    /// <summary>The offsets of the text's SmartCn words (<see cref="ParagraphDigest.EncodeWords"/>); stored, binary.</summary>
    public const string Words = "words";
}
