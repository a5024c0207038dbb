using Lucene.Net.Documents;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Tests.Indexing;

/// <summary>
/// TEST ORACLE, not product code: the hand-written factory of schema xiqing-13 as it stood before the fields were
/// declared (<see cref="FieldNames.All"/>), kept unchanged apart from its name and namespace. The product's
/// <see cref="LuceneDocumentFactory"/> must write what this writes, so a commit's bytes are the same
/// (<see cref="LuceneDocumentFactoryTests"/>). Retire it with the next schema bump.
/// </summary>
internal static class ReferenceDocumentFactory
{
    /// <summary>Stored, SmartCn-analysed, with positions and offsets.</summary>
    private static readonly FieldType s_smartCnText = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = true,
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });

    /// <summary>As <see cref="s_smartCnText"/>, not stored: the tokens come from <see cref="AnalyzedText"/> and the text is stored beside them.</summary>
    private static readonly FieldType s_smartCnTokens = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });

    /// <summary>
    /// Not stored (the same text is stored once, above), character bigrams with positions. No offsets: highlights
    /// come from scanning the stored text with the same normalisation, which gives exactly the matched spans.
    /// </summary>
    private static readonly FieldType s_characterText = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
    });

    /// <summary>Character-analysed headings: positions only (no highlighting on them).</summary>
    private static readonly FieldType s_characterChapter = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        OmitNorms = true,
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
    });

    /// <summary>
    /// The paragraph's Lucene document. With <paramref name="smartCn"/> (the writer's analyzer), its SmartCn words are
    /// stored too (<see cref="ParagraphDigest"/>); without, readers analyse the text when they need them.
    /// </summary>
    public static Document Create(SourceDocument source, Paragraph paragraph, Lucene.Net.Analysis.Analyzer? smartCn = null)
    {
        var kind = ParagraphKindNames.Of(paragraph.Kind);
        // Analysed once: the words field and the digest's word offsets come from the same tokens.
        var analyzed = smartCn is null ? null : AnalyzedText.Analyze(smartCn, paragraph.Text);
        var document = new Document
        {
            new StringField(FieldNames.Id, $"{paragraph.Doc}#{paragraph.Number}", Field.Store.YES),
            new StringField(FieldNames.Doc, paragraph.Doc, Field.Store.YES),
            new SortedDocValuesField(FieldNames.Doc, new Lucene.Net.Util.BytesRef(paragraph.Doc)),
            new StoredField(FieldNames.File, source.File.FileName),
            new StoredField(FieldNames.Title, source.Title),
            new StoredField(FieldNames.Type, source.Type),
            new Int32Field(FieldNames.Paragraph, paragraph.Number, Field.Store.YES),
            new NumericDocValuesField(FieldNames.Paragraph, paragraph.Number),
            new StringField(FieldNames.Kind, kind, Field.Store.YES),
            new SortedDocValuesField(FieldNames.Kind, new Lucene.Net.Util.BytesRef(kind)),
            new StringField(FieldNames.Topic, paragraph.Topic, Field.Store.YES),
            new SortedDocValuesField(FieldNames.Topic, new Lucene.Net.Util.BytesRef(paragraph.Topic)),
            new Field(FieldNames.TextChars, paragraph.Text, s_characterText),
            new StoredField(FieldNames.FirstLine, paragraph.FirstLine),
            new StoredField(FieldNames.LastLine, paragraph.LastLine),
        };
        if (analyzed is null)
        {
            document.Add(new Field(FieldNames.Text, paragraph.Text, s_smartCnText));
        }
        else
        {
            document.Add(new StoredField(FieldNames.Text, paragraph.Text));
            document.Add(new Field(FieldNames.Text, analyzed.Stream(), s_smartCnTokens));
            document.Add(new StoredField(FieldNames.Words, ParagraphDigest.EncodeWords(analyzed.Words)));
        }
        document.Add(new NumericDocValuesField(FieldNames.TextHash, ParagraphDigest.Hash(paragraph.Text)));
        document.Add(new NumericDocValuesField(FieldNames.Characters, ParagraphDigest.Characters(paragraph.Text)));
        if (paragraph.FirstPage is int firstPage && paragraph.LastPage is int lastPage)
        {
            document.Add(new StoredField(FieldNames.FirstPage, firstPage));
            document.Add(new StoredField(FieldNames.LastPage, lastPage));
        }
        if (paragraph.Ocr)
        {
            document.Add(new StringField(FieldNames.Ocr, "true", Field.Store.YES));
            if (paragraph.OcrConfidence is double confidence)
            {
                document.Add(new StoredField(FieldNames.OcrConfidence, confidence));
            }
        }
        // An unknown year has no year field: its doc value reads 0, which the paragraph table takes for unknown.
        if (source.Year is int year)
        {
            document.Add(new Int32Field(FieldNames.Year, year, Field.Store.YES));
            document.Add(new NumericDocValuesField(FieldNames.Year, year));
        }
        if (source.Period is not null)
        {
            document.Add(new StoredField(FieldNames.Period, source.Period));
        }
        AddDocumentFacts(document, source);
        foreach (var keyword in paragraph.TopicKeywords)
        {
            document.Add(new StoredField(FieldNames.TopicKeywords, keyword));
        }
        for (var level = 0; level < paragraph.Chapter.Count; level++)
        {
            var heading = paragraph.Chapter[level];
            document.Add(new StoredField(FieldNames.Chapter, heading));
            document.Add(new Field(FieldNames.ChapterText, heading, s_characterChapter));
        }
        if (paragraph.Chapter.Count >= 1)
        {
            document.Add(new SortedDocValuesField(FieldNames.Chapter1, new Lucene.Net.Util.BytesRef(paragraph.Chapter[0])));
        }
        if (paragraph.Chapter.Count >= 2)
        {
            document.Add(new SortedDocValuesField(FieldNames.Chapter2,
                new Lucene.Net.Util.BytesRef(ChapterPath.Join(paragraph.Chapter.Take(2)))));
        }
        return document;
    }

    /// <summary>
    /// The document's metadata, on each of its paragraphs as the title is (the paragraph table reads it once per
    /// document), and the fields <c>title:</c>, <c>issuer:</c> and <c>number:</c> search.
    /// </summary>
    private static void AddDocumentFacts(Document document, SourceDocument source)
    {
        var facts = source.Facts;
        document.Add(new Field(FieldNames.TitleText, source.Title, s_characterChapter));
        if (source.YearSource is { } yearSource)
        {
            document.Add(new StoredField(FieldNames.YearSource, yearSource));
        }
        if (!string.IsNullOrWhiteSpace(facts.Number))
        {
            document.Add(new StoredField(FieldNames.Number, facts.Number));
            document.Add(new StringField(FieldNames.NumberKey, DocumentNumbers.Key(facts.Number), Field.Store.NO));
        }
        if (!string.IsNullOrWhiteSpace(facts.Issuer))
        {
            document.Add(new StoredField(FieldNames.Issuer, facts.Issuer));
            document.Add(new Field(FieldNames.IssuerText, facts.Issuer, s_characterChapter));
        }
        if (facts.WrittenDate is { } written)
        {
            document.Add(new StoredField(FieldNames.WrittenDate, IsoDate(written)));
        }
        if (facts.PublishedDate is { } published)
        {
            document.Add(new StoredField(FieldNames.PublishedDate, IsoDate(published)));
        }
        if (!string.IsNullOrWhiteSpace(facts.SourceUrl))
        {
            document.Add(new StoredField(FieldNames.SourceUrl, facts.SourceUrl));
        }
        foreach (var warning in source.Warnings)
        {
            document.Add(new StoredField(FieldNames.Warning, warning));
        }
        foreach (var copy in source.Copies)
        {
            document.Add(new StoredField(FieldNames.Copy, copy.FileName));
        }
    }

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
