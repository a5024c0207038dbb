using Lucene.Net.Index;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Facets;

namespace XiqingSearch.Core.Search.Commit;

/// <summary>
/// Everything the result model needs about each paragraph of one index commit: facet values from doc values,
/// read when the commit is opened, and text and metadata from stored fields, read the first time a search
/// touches the paragraph and kept for the commit's lifetime. Indexed by Lucene's top-level doc id; a deleted
/// document has no row.
/// </summary>
internal sealed class ParagraphTable
{
    private static readonly RowKeys s_none = RowKeys.None;

    private readonly ParagraphRow?[] _rows;
    private readonly RowKeys[] _keys;
    private readonly Dictionary<(string Doc, int Paragraph), int> _byKey;

    /// <summary>By document ordinal: whether this view shows the document; null in the commit's own table (all shown).</summary>
    private readonly bool[]? _visible;

    private ParagraphTable(ParagraphRow?[] rows, RowKeys[] keys, IReadOnlyList<DocumentInfo> documents, FacetOrdinals ordinals)
    {
        _rows = rows;
        _keys = keys;
        Documents = documents;
        AllDocuments = documents;
        Ordinals = ordinals;
        Base = this;
        _byKey = [];
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] is { } row)
            {
                _byKey[(row.Document.Doc, row.Paragraph)] = i;
            }
        }
        Count = _byKey.Count;
    }

    /// <summary>A view of <paramref name="table"/> that shows only the documents <paramref name="visible"/> marks.</summary>
    private ParagraphTable(ParagraphTable table, bool[] visible)
    {
        _rows = table._rows;
        _keys = table._keys;
        _byKey = table._byKey;
        _visible = visible;
        Base = table;
        AllDocuments = table.AllDocuments;
        Ordinals = table.Ordinals;
        Documents = [.. table.AllDocuments.Where(d => visible[d.Ordinal])];
        Count = Documents.Sum(d => d.Paragraphs);
    }

    /// <summary>Documents in document order (those this view shows).</summary>
    public IReadOnlyList<DocumentInfo> Documents { get; }

    /// <summary>Every document of the commit, by ordinal (<see cref="RowKeys.Document"/>), shown or not.</summary>
    public IReadOnlyList<DocumentInfo> AllDocuments { get; }

    /// <summary>The commit's own table, which shows every document (this table when it is not a view).</summary>
    public ParagraphTable Base { get; }

    /// <summary>The facet values of the commit, numbered; <see cref="KeysOf"/> holds each row's ordinals.</summary>
    public FacetOrdinals Ordinals { get; }

    /// <summary>Live paragraphs (that this view shows).</summary>
    public int Count { get; }

    /// <summary>The row at <paramref name="docId"/>; null for a deleted paragraph or one this view hides.</summary>
    public ParagraphRow? this[int docId] => _rows[docId] is { } row && Shows(row.Document.Ordinal) ? row : null;

    /// <summary>
    /// The facet ordinals and sort keys of the paragraph at <paramref name="docId"/> (<see cref="RowKeys.None"/>
    /// when there is none, or this view hides it: then no search counts it anywhere).
    /// </summary>
    public ref readonly RowKeys KeysOf(int docId)
    {
        ref readonly var keys = ref _keys[docId];
        if (_visible is null || (keys.Exists && _visible[keys.Document]))
        {
            return ref keys;
        }
        return ref s_none;
    }

    /// <summary>All live rows (that this view shows), in doc id order.</summary>
    public IEnumerable<ParagraphRow> Rows
    {
        get
        {
            var visible = _visible;
            return _rows.OfType<ParagraphRow>().Where(r => visible is null || visible[r.Document.Ordinal]);
        }
    }

    public ParagraphRow? Find(string doc, int paragraph) =>
        _byKey.TryGetValue((doc, paragraph), out var id) ? this[id] : null;

    /// <summary>A view of the commit's table that shows only the documents <paramref name="visible"/> marks (by ordinal).</summary>
    public ParagraphTable Restrict(bool[] visible)
    {
        ArgumentNullException.ThrowIfNull(visible);
        return visible.All(v => v) ? Base : new ParagraphTable(Base, visible);
    }

    private bool Shows(int documentOrdinal) => _visible is null || _visible[documentOrdinal];

    public static ParagraphTable Load(IndexReader reader)
    {
        var rows = new ParagraphRow?[reader.MaxDoc];
        var keys = new RowKeys[reader.MaxDoc];
        Array.Fill(keys, RowKeys.None);
        var documents = new Dictionary<string, DocumentInfo>(StringComparer.Ordinal);
        var pending = new List<(int DocId, string Doc, int Paragraph, int Year, string Kind, string Topic, string Chapter1, string? Chapter2)>();
        var ocr = OcrRows(reader);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var live = atomic.LiveDocs;
            // Values by ordinal: a segment's rows share a few hundred distinct strings, read once each.
            var doc = new OrdinalStrings(atomic.GetSortedDocValues(FieldNames.Doc));
            var paragraph = atomic.GetNumericDocValues(FieldNames.Paragraph);
            // A segment of documents of unknown year only has no year field at all: every row reads 0 (unknown).
            var year = atomic.GetNumericDocValues(FieldNames.Year) ?? DocValues.EMPTY_NUMERIC;
            var kind = new OrdinalStrings(atomic.GetSortedDocValues(FieldNames.Kind));
            var topic = new OrdinalStrings(atomic.GetSortedDocValues(FieldNames.Topic));
            var chapter1 = new OrdinalStrings(atomic.GetSortedDocValues(FieldNames.Chapter1));
            var chapter2 = new OrdinalStrings(atomic.GetSortedDocValues(FieldNames.Chapter2));
            for (var i = 0; i < atomic.MaxDoc; i++)
            {
                if (live is not null && !live.Get(i))
                {
                    continue;
                }
                var docId = leaf.DocBase + i;
                var id = doc.Get(i)!;
                if (!documents.ContainsKey(id))
                {
                    // The document's own metadata is stored on each of its paragraphs; read it once.
                    var stored = atomic.Document(i);
                    documents[id] = new DocumentInfo(id, 0, stored.Get(FieldNames.Title), (int)year.Get(i),
                        stored.Get(FieldNames.Period), stored.Get(FieldNames.Type), stored.Get(FieldNames.File))
                    {
                        YearSource = stored.Get(FieldNames.YearSource),
                        Number = stored.Get(FieldNames.Number),
                        Issuer = stored.Get(FieldNames.Issuer),
                        WrittenDate = stored.Get(FieldNames.WrittenDate),
                        PublishedDate = stored.Get(FieldNames.PublishedDate),
                        SourceUrl = stored.Get(FieldNames.SourceUrl),
                        Warnings = stored.GetValues(FieldNames.Warning),
                        Copies = stored.GetValues(FieldNames.Copy),
                    };
                }
                pending.Add((docId, id, (int)paragraph.Get(i), (int)year.Get(i), kind.Get(i)!, topic.Get(i)!,
                    chapter1.Get(i) ?? string.Empty, chapter2.Get(i)));
            }
        }
        var paragraphCounts = pending.CountBy(p => p.Doc).ToDictionary(StringComparer.Ordinal);
        // Document order is file-name order, as the seeds folder is read.
        var ordered = documents.Values.OrderBy(d => d.Doc, StringComparer.Ordinal)
            .Select((d, i) => d with { Ordinal = i, Paragraphs = paragraphCounts[d.Doc] })
            .ToList();
        var byId = ordered.ToDictionary(d => d.Doc, StringComparer.Ordinal);
        var years = new Numbering<int>(EqualityComparer<int>.Default);
        var topics = new Numbering<string>(StringComparer.Ordinal);
        var chapters1 = new Numbering<string>(StringComparer.Ordinal);
        var chapters2 = new Numbering<string>(StringComparer.Ordinal);
        var chapter2Parents = new List<int>();
        var types = new Numbering<string>(StringComparer.Ordinal);
        var issuers = new Numbering<string>(StringComparer.Ordinal);
        foreach (var p in pending)
        {
            var document = byId[p.Doc];
            var chapter1 = p.Chapter1.Length == 0 ? -1 : chapters1.Of(p.Chapter1);
            var chapter2 = -1;
            if (p.Chapter2 is not null && chapter1 >= 0)
            {
                chapter2 = chapters2.Of(p.Chapter2);
                if (chapter2 == chapter2Parents.Count)
                {
                    chapter2Parents.Add(chapter1);
                }
            }
            keys[p.DocId] = new RowKeys
            {
                Document = document.Ordinal,
                Paragraph = p.Paragraph,
                Year = p.Year,
                YearOrdinal = years.Of(p.Year),
                TopicOrdinal = topics.Of(p.Topic),
                Chapter1Ordinal = chapter1,
                Chapter2Ordinal = chapter2,
                TypeOrdinal = types.Of(document.Type ?? Ingestion.DocumentTypes.Other),
                IssuerOrdinal = document.Issuer is null ? -1 : issuers.Of(document.Issuer),
                KindOrdinal = RowKeys.KindOrdinalOf(p.Kind),
                Ocr = ocr?.Get(p.DocId) == true,
            };
            rows[p.DocId] = new ParagraphRow
            {
                Reader = reader,
                DocId = p.DocId,
                Document = document,
                Paragraph = p.Paragraph,
                Year = p.Year,
                Kind = p.Kind,
                Topic = p.Topic,
                Chapter1 = p.Chapter1,
                Chapter2 = p.Chapter2,
            };
        }
        var ordinals = new FacetOrdinals([.. years.Values], [.. topics.Values], [.. chapters1.Values], [.. chapters2.Values],
            [.. chapter2Parents], [.. types.Values], ordered.Count)
        {
            Issuers = [.. issuers.Values],
        };
        return new ParagraphTable(rows, keys, ordered, ordinals) { HasOcr = ocr is not null };
    }

    /// <summary>True when some paragraph of the commit was recognised from a scan.</summary>
    public bool HasOcr { get; private init; }

    /// <summary>
    /// The paragraphs recognised from a scan, by top-level doc id, from the postings of the indexed term
    /// <c>ocr:true</c> (no stored field is read); null when there are none.
    /// </summary>
    private static Lucene.Net.Util.FixedBitSet? OcrRows(IndexReader reader)
    {
        Lucene.Net.Util.FixedBitSet? rows = null;
        var term = new Lucene.Net.Util.BytesRef("true");
        foreach (var leaf in reader.Leaves)
        {
            var docs = leaf.AtomicReader.GetTermDocsEnum(new Term(FieldNames.Ocr, term));
            if (docs is null)
            {
                continue;
            }
            rows ??= new Lucene.Net.Util.FixedBitSet(Math.Max(1, reader.MaxDoc));
            for (var doc = docs.NextDoc(); doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                rows.Set(leaf.DocBase + doc);
            }
        }
        return rows;
    }

    /// <summary>Numbers distinct values 0, 1, 2… in the order first seen.</summary>
    private sealed class Numbering<T>(IEqualityComparer<T> comparer)
        where T : notnull
    {
        private readonly Dictionary<T, int> _ordinals = new(comparer);

        public List<T> Values { get; } = [];

        public int Of(T value)
        {
            ref var ordinal = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ordinals, value, out var exists);
            if (!exists)
            {
                ordinal = Values.Count;
                Values.Add(value);
            }
            return ordinal;
        }
    }

    /// <summary>A sorted doc-values field's strings, each decoded once per ordinal and shared by every row holding it.</summary>
    private sealed class OrdinalStrings(SortedDocValues? values)
    {
        private readonly string?[] _byOrdinal = new string?[values?.ValueCount ?? 0];

        public string? Get(int docId)
        {
            var ord = values?.GetOrd(docId) ?? -1;
            if (ord < 0)
            {
                return null;
            }
            if (_byOrdinal[ord] is { } known)
            {
                return known;
            }
            var bytes = new Lucene.Net.Util.BytesRef();
            values!.LookupOrd(ord, bytes);
            return _byOrdinal[ord] = bytes.Utf8ToString();
        }
    }
}
