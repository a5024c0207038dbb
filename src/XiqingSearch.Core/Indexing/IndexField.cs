using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Indexing;

/// <summary>Whose value a field holds.</summary>
internal enum FieldScope
{
    /// <summary>The paragraph's own (its id, text, lines, chapter).</summary>
    Paragraph,

    /// <summary>
    /// The document's, written on each of its paragraphs as the title is: a paragraph is found and shown without a
    /// second lookup, and the paragraph table reads it once per document.
    /// </summary>
    Document,
}

/// <summary>How a field's values are searched.</summary>
internal enum FieldSearch
{
    /// <summary>Not at all: only stored, or only doc values.</summary>
    None,

    /// <summary>The value as one term, without norms or positions (lookups, deletes, filters).</summary>
    Term,

    /// <summary>An Int32 in Lucene's trie encoding, for ranges.</summary>
    Number,

    /// <summary>Analysed by the field's <see cref="FieldAnalyzer"/>, with positions (phrases), offsets when declared.</summary>
    Text,
}

/// <summary>What cuts a <see cref="FieldSearch.Text"/> field into terms (<see cref="IndexAnalyzers"/>).</summary>
internal enum FieldAnalyzer
{
    /// <summary>Not analysed.</summary>
    None,

    /// <summary>SmartCn words: ranking.</summary>
    SmartCn,

    /// <summary>Folded character bigrams: exact phrases.</summary>
    Bigrams,
}

/// <summary>The doc values a field has: a value per paragraph read by doc id, for facets and sorting.</summary>
internal enum FieldDocValues
{
    None,

    /// <summary>A string, numbered per segment (facets counted by ordinal).</summary>
    Sorted,

    /// <summary>A long.</summary>
    Numeric,
}

/// <summary>
/// One field of the index, declared once (<see cref="FieldNames.All"/>): its name, whose value it holds, how it is
/// written (stored, searched, analysed, doc values) and where its value comes from. <see cref="LuceneDocumentFactory"/>
/// writes a paragraph's Lucene document from the list, in its order; <see cref="IndexAnalyzers"/> takes each analysed
/// field's analyzer from it. Readers use the names (<see cref="FieldNames"/>' constants).
/// </summary>
/// <param name="Name">The field's name in the index.</param>
/// <param name="Scope">Whether the value is the paragraph's or its document's.</param>
internal sealed record IndexField(string Name, FieldScope Scope)
{
    /// <summary>True when the value is stored (read back for display or by the paragraph table).</summary>
    public bool Stored { get; init; }

    /// <summary>How the value is searched.</summary>
    public FieldSearch Search { get; init; }

    /// <summary>For <see cref="FieldSearch.Text"/>: the analyzer.</summary>
    public FieldAnalyzer Analyzer { get; init; }

    /// <summary>For <see cref="FieldSearch.Text"/>: whether the postings hold each term's offsets too (highlighting from the index).</summary>
    public bool Offsets { get; init; }

    /// <summary>For <see cref="FieldSearch.Text"/>: whether the field keeps norms (a length factor for ranking).</summary>
    public bool Norms { get; init; } = true;

    /// <summary>For <see cref="FieldSearch.Text"/>: positions left between two values, so a phrase never spans them.</summary>
    public int ValueGap { get; init; }

    /// <summary>The doc values the field has.</summary>
    public FieldDocValues DocValues { get; init; }

    /// <summary>The field's one value of a paragraph, or <see cref="FieldValue.None"/> (no field written).</summary>
    public Func<IndexedParagraph, FieldValue>? Value { get; init; }

    /// <summary>For a field of several values: each value, in order (one field each).</summary>
    public Func<IndexedParagraph, IEnumerable<string>>? Values { get; init; }
}

/// <summary>
/// What a field's value is read from: the paragraph, its document, and the paragraph text's SmartCn tokens when the
/// writer analysed them once for the text field and the words field (<see cref="AnalyzedText"/>).
/// </summary>
internal sealed record IndexedParagraph(SourceDocument Source, Paragraph Paragraph, AnalyzedText? Analyzed);

/// <summary>The kinds of value a field holds; stored values keep their kind (an Int32 is stored as four bytes, not eight).</summary>
internal enum FieldValueKind
{
    None,
    String,
    Int32,
    Int64,
    Double,
    Bytes,
}

/// <summary>One value of a field, of one of the kinds Lucene stores, without boxing.</summary>
internal readonly struct FieldValue
{
    private FieldValue(FieldValueKind kind, string? text = null, long number = 0, double real = 0, byte[]? bytes = null)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Real = real;
        Bytes = bytes;
    }

    /// <summary>No value: the field is not written for this paragraph.</summary>
    public static FieldValue None => default;

    public FieldValueKind Kind { get; }

    public string? Text { get; }

    public long Number { get; }

    public double Real { get; }

    public byte[]? Bytes { get; }

    /// <summary>A string, or <see cref="None"/> for null.</summary>
    public static implicit operator FieldValue(string? text) => text is null ? None : new(FieldValueKind.String, text: text);

    public static implicit operator FieldValue(int number) => new(FieldValueKind.Int32, number: number);

    public static implicit operator FieldValue(long number) => new(FieldValueKind.Int64, number: number);

    public static implicit operator FieldValue(double real) => new(FieldValueKind.Double, real: real);

    /// <summary>Bytes, or <see cref="None"/> for null.</summary>
    public static implicit operator FieldValue(byte[]? bytes) => bytes is null ? None : new(FieldValueKind.Bytes, bytes: bytes);

    /// <summary>A number when there is one, else <see cref="None"/>.</summary>
    public static FieldValue Of(int? number) => number is int n ? n : None;

    /// <summary>A number when there is one, else <see cref="None"/>.</summary>
    public static FieldValue Of(double? real) => real is double r ? r : None;

    /// <summary>A string that is not blank, else <see cref="None"/>.</summary>
    public static FieldValue NotBlank(string? text) => string.IsNullOrWhiteSpace(text) ? None : text;
}
