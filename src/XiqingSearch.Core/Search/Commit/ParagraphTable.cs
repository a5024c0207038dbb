using Lucene.Net.Index;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Commit;

/// <summary>
/// Everything the result model needs about each paragraph of one index commit: facet values from doc values,
/// read when the commit is opened into one array of <see cref="RowKeys"/> by doc id, and text and metadata from
/// stored fields, read when a search shows the paragraph. A <see cref="ParagraphRow"/> is made from the keys when
/// it is asked for and not kept: at 624,000 paragraphs an object per paragraph, the list the table was built from
/// and a dictionary of (document, paragraph) keys were 150 MB and a second of the commit's opening. Indexed by
/// Lucene's top-level doc id; a deleted document has no row.
/// </summary>
internal sealed class ParagraphTable
{
    private static readonly RowKeys s_none = RowKeys.None;

    /// <summary>The topic's place among the value facets (a row's topic is one of them).</summary>
    private static readonly int s_topic = FacetDeclarations.ValueIndexOf(FacetDeclarations.Topic);

    private readonly IndexReader _reader;
    private readonly RowKeys[] _keys;

    /// <summary>Live doc ids by document ordinal, then paragraph number: document d's are
    /// <c>[_firstOf[d], _firstOf[d + 1])</c>. What <see cref="Find"/> looks a paragraph up in.</summary>
    private readonly int[] _byDocument;

    private readonly int[] _firstOf;
    private readonly Dictionary<string, int> _ordinalOf;

    /// <summary>Kinds that are not one of <see cref="Ingestion.ParagraphKindNames.All"/>, by doc id (none in a current index).</summary>
    private readonly Dictionary<int, string> _otherKinds;

    /// <summary>By document ordinal: whether this view shows the document; null in the commit's own table (all shown).</summary>
    private readonly bool[]? _visible;

    private ParagraphTable(IndexReader reader, RowKeys[] keys, int[] byDocument, int[] firstOf, Dictionary<int, string> otherKinds,
        IReadOnlyList<DocumentInfo> documents, FacetOrdinals ordinals)
    {
        _reader = reader;
        _keys = keys;
        _byDocument = byDocument;
        _firstOf = firstOf;
        _otherKinds = otherKinds;
        _ordinalOf = documents.ToDictionary(d => d.Doc, d => d.Ordinal, StringComparer.Ordinal);
        Documents = documents;
        AllDocuments = documents;
        Ordinals = ordinals;
        Base = this;
        Count = byDocument.Length;
    }

    /// <summary>A view of <paramref name="table"/> that shows only the documents <paramref name="visible"/> marks.</summary>
    private ParagraphTable(ParagraphTable table, bool[] visible)
    {
        _reader = table._reader;
        _keys = table._keys;
        _byDocument = table._byDocument;
        _firstOf = table._firstOf;
        _otherKinds = table._otherKinds;
        _ordinalOf = table._ordinalOf;
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
    public ParagraphRow? this[int docId]
    {
        get
        {
            ref readonly var keys = ref KeysOf(docId);
            return keys.Exists ? RowOf(docId, in keys) : null;
        }
    }

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

    /// <summary>All live rows (that this view shows), in doc id order; each made as the enumeration reaches it.</summary>
    public IEnumerable<ParagraphRow> Rows
    {
        get
        {
            for (var docId = 0; docId < _keys.Length; docId++)
            {
                if (this[docId] is { } row)
                {
                    yield return row;
                }
            }
        }
    }

    public ParagraphRow? Find(string doc, int paragraph)
    {
        if (!_ordinalOf.TryGetValue(doc, out var ordinal))
        {
            return null;
        }
        // The document's doc ids are in paragraph order: a binary search on the paragraph number.
        int low = _firstOf[ordinal], high = _firstOf[ordinal + 1] - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var docId = _byDocument[middle];
            var number = _keys[docId].Paragraph;
            if (number == paragraph)
            {
                return this[docId];
            }
            if (number < paragraph)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return null;
    }

    /// <summary>
    /// How many paragraphs of each kind the document with ordinal <paramref name="document"/> has, by kind name in
    /// ordinal order: read from its keys (no row is made), in time proportional to its own paragraphs.
    /// </summary>
    public Dictionary<string, int> KindCounts(int document)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var docId in _byDocument.AsSpan(_firstOf[document], _firstOf[document + 1] - _firstOf[document]))
        {
            var kind = _keys[docId].KindOrdinal is var k and >= 0 ? Ingestion.ParagraphKindNames.All[k] : _otherKinds[docId];
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }
        return new Dictionary<string, int>(counts, StringComparer.Ordinal);
    }

    /// <summary>A view of the commit's table that shows only the documents <paramref name="visible"/> marks (by ordinal).</summary>
    public ParagraphTable Restrict(bool[] visible)
    {
        ArgumentNullException.ThrowIfNull(visible);
        return visible.All(v => v) ? Base : new ParagraphTable(Base, visible);
    }

    private ParagraphRow RowOf(int docId, in RowKeys keys) => new()
    {
        Reader = _reader,
        DocId = docId,
        Document = AllDocuments[keys.Document],
        Paragraph = keys.Paragraph,
        Year = keys.Year,
        Kind = keys.KindOrdinal >= 0 ? Ingestion.ParagraphKindNames.All[keys.KindOrdinal] : _otherKinds[docId],
        Topic = keys.Values[s_topic] is var topic and >= 0 ? Ordinals.Values[s_topic][topic] : string.Empty,
        Chapter1 = keys.Chapter1Ordinal >= 0 ? Ordinals.Chapters1[keys.Chapter1Ordinal] : string.Empty,
        Chapter2 = keys.Chapter2Ordinal >= 0 ? Ordinals.Chapters2[keys.Chapter2Ordinal] : null,
    };

    /// <summary>
    /// Reads the commit's rows in one pass over the doc values: each row's keys are written as it is read, with
    /// its document numbered in the order first met, then renumbered once every document is known (document
    /// order is file-name order, as the seeds folder is read). Each document's own metadata is read once, from
    /// the stored fields of its first paragraph, on a second thread while the rows are read (<see cref="DocumentReader"/>):
    /// at the 1,000× archive that reading was a third of the open, and the two halves share nothing but the queue.
    /// </summary>
    public static ParagraphTable Load(IndexReader reader)
    {
        // A new array holds no row (RowKeys' default value) until the pass writes one.
        var keys = new RowKeys[reader.MaxDoc];
        var metOrdinal = new Dictionary<string, int>(StringComparer.Ordinal);
        var paragraphCounts = new List<int>();
        var otherKinds = new Dictionary<int, string>();
        var years = new Numbering<int>(EqualityComparer<int>.Default);
        // The value facets' values, numbered across segments. A per-document facet's ordinal is read once per
        // document by the document reader, which alone numbers those facets; the pass numbers the others.
        var valued = FacetDeclarations.Valued;
        var numberings = valued.Select(_ => new Numbering<string>(StringComparer.Ordinal)).ToArray();
        var chapters1 = new Numbering<string>(StringComparer.Ordinal);
        var chapters2 = new Numbering<string>(StringComparer.Ordinal);
        var chapter2Parents = new List<int>();
        var ocr = OcrRows(reader);
        using var documents = new DocumentReader(numberings);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var live = atomic.LiveDocs;
            // Values by ordinal: a segment's rows share a few hundred distinct strings, each numbered once.
            var doc = new OrdinalStrings(atomic.GetSortedDocValues(FieldNames.Doc));
            // The document met first at each of the segment's ordinals of the doc field (-1: not yet looked up).
            var metOfOrdinal = new int[Math.Max(0, doc.Count)];
            Array.Fill(metOfOrdinal, -1);
            var paragraph = atomic.GetNumericDocValues(FieldNames.Paragraph);
            // A segment of documents of unknown year only has no year field at all: every row reads 0 (unknown).
            var year = atomic.GetNumericDocValues(FieldNames.Year) ?? DocValues.EMPTY_NUMERIC;
            var kind = new OrdinalStrings(atomic.GetSortedDocValues(FieldNames.Kind));
            var paragraphValues = valued.Select((f, k) => f.PerDocument ? null : new OrdinalNumbers(atomic.GetSortedDocValues(f.Field), numberings[k])).ToArray();
            var chapter1 = new OrdinalNumbers(atomic.GetSortedDocValues(FieldNames.Chapter1), chapters1);
            var chapter2 = new OrdinalNumbers(atomic.GetSortedDocValues(FieldNames.Chapter2), chapters2);
            for (var i = 0; i < atomic.MaxDoc; i++)
            {
                if (live is not null && !live.Get(i))
                {
                    continue;
                }
                var docId = leaf.DocBase + i;
                var rowYear = (int)year.Get(i);
                var docOrdinal = doc.OrdinalOf(i);
                var first = docOrdinal >= 0 ? metOfOrdinal[docOrdinal] : -1;
                if (first < 0)
                {
                    var id = doc.Get(i)!;
                    ref var numbered = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(metOrdinal, id, out var known);
                    if (!known)
                    {
                        numbered = paragraphCounts.Count;
                        documents.Add(atomic, i, id, rowYear);
                        paragraphCounts.Add(0);
                    }
                    first = numbered;
                    if (docOrdinal >= 0)
                    {
                        metOfOrdinal[docOrdinal] = first;
                    }
                }
                paragraphCounts[first]++;
                var kindName = kind.Get(i)!;
                var kindOrdinal = RowKeys.KindOrdinalOf(kindName);
                if (kindOrdinal < 0)
                {
                    otherKinds[docId] = kindName;
                }
                // An empty level-1 heading is no chapter; a level-2 path counts only under a level-1 one.
                var level1 = chapter1.Get(i, emptyIsNone: true);
                var level2 = level1 >= 0 ? chapter2.Get(i, emptyIsNone: false) : -1;
                if (level2 == chapter2Parents.Count)
                {
                    chapter2Parents.Add(level1);
                }
                // The per-document facets' places are filled in once the document reader has read them (below).
                var values = default(FacetKeys);
                for (var k = 0; k < paragraphValues.Length; k++)
                {
                    if (paragraphValues[k] is { } perParagraph)
                    {
                        var ordinal = perParagraph.Get(i, emptyIsNone: false);
                        values[k] = ordinal < 0 && valued[k].Missing is { } missing ? numberings[k].Of(missing) : ordinal;
                    }
                }
                keys[docId] = new RowKeys
                {
                    Exists = true,
                    Document = first,
                    Paragraph = (int)paragraph.Get(i),
                    Year = rowYear,
                    YearOrdinal = years.Of(rowYear),
                    Chapter1Ordinal = level1,
                    Chapter2Ordinal = level2,
                    Values = values,
                    KindOrdinal = kindOrdinal,
                    Ocr = ocr?.Get(docId) == true,
                };
            }
        }
        var (met, documentValues) = documents.Finish();
        // Document order is file-name order, as the seeds folder is read.
        var order = Enumerable.Range(0, met.Count).OrderBy(m => met[m].Doc, StringComparer.Ordinal).ToArray();
        var ordinalOfMet = new int[met.Count];
        var ordered = new List<DocumentInfo>(met.Count);
        foreach (var m in order)
        {
            ordinalOfMet[m] = ordered.Count;
            ordered.Add(met[m] with { Ordinal = ordered.Count, Paragraphs = paragraphCounts[m] });
        }
        var perDocument = Enumerable.Range(0, valued.Count).Where(k => valued[k].PerDocument).ToArray();
        // Renumber the rows' documents, put in their documents' own facet values, and list the doc ids by
        // document (a counting sort, stable in doc id order).
        var firstOf = new int[ordered.Count + 1];
        for (var docId = 0; docId < keys.Length; docId++)
        {
            ref var row = ref keys[docId];
            if (row.Exists)
            {
                var values = row.Values;
                foreach (var k in perDocument)
                {
                    values[k] = documentValues[row.Document][k];
                }
                row = row with { Document = ordinalOfMet[row.Document], Values = values };
                firstOf[row.Document + 1]++;
            }
        }
        for (var d = 0; d < ordered.Count; d++)
        {
            firstOf[d + 1] += firstOf[d];
        }
        var byDocument = new int[firstOf[^1]];
        var next = firstOf[..^1];
        for (var docId = 0; docId < keys.Length; docId++)
        {
            if (keys[docId].Exists)
            {
                byDocument[next[keys[docId].Document]++] = docId;
            }
        }
        for (var d = 0; d < ordered.Count; d++)
        {
            // A document's paragraphs are written in order, so this sorts only after an unusual merge; by the
            // paragraph numbers as keys (no comparison delegate per pair).
            var span = byDocument.AsSpan(firstOf[d], firstOf[d + 1] - firstOf[d]);
            if (!IsInParagraphOrder(span, keys))
            {
                var numbers = new int[span.Length];
                for (var j = 0; j < span.Length; j++)
                {
                    numbers[j] = keys[span[j]].Paragraph;
                }
                numbers.AsSpan().Sort(span);
            }
        }
        var ordinals = new FacetOrdinals([.. years.Values], [.. numberings.Select(n => n.Values.ToArray())], [.. chapters1.Values],
            [.. chapters2.Values], [.. chapter2Parents], ordered.Count);
        return new ParagraphTable(reader, keys, byDocument, firstOf, otherKinds, ordered, ordinals) { HasOcr = ocr is not null };
    }

    /// <summary>
    /// Reads each document's own metadata (<see cref="ReadDocument"/>) and per-document facet values from the stored
    /// fields of its first paragraph, on a thread of its own, in the order the documents are added, so the facet
    /// values are numbered as a single pass would number them. It alone touches the numberings of the
    /// per-document facets; the row pass touches only the others'.
    /// </summary>
    private sealed class DocumentReader : IDisposable
    {
        /// <summary>Documents handed over at a time: handing each over alone woke the reading thread 5,000 times,
        /// and the lock the two threads met at was a quarter of the row pass.</summary>
        private const int Batch = 128;

        private readonly System.Collections.Concurrent.BlockingCollection<List<(AtomicReader Reader, int DocId, string Id, int Year)>> _queue = [];
        private readonly List<DocumentInfo> _met = [];
        private readonly List<FacetKeys> _values = [];
        private readonly Task _reading;
        private List<(AtomicReader Reader, int DocId, string Id, int Year)> _pending = new(Batch);

        public DocumentReader(Numbering<string>[] numberings)
        {
            _reading = Task.Factory.StartNew(() =>
            {
                foreach (var batch in _queue.GetConsumingEnumerable())
                {
                    foreach (var (reader, docId, id, year) in batch)
                    {
                        var stored = ReadDocumentFields(reader, docId);
                        _met.Add(ReadDocument(stored, id, year));
                        _values.Add(DocumentValues(stored, numberings));
                    }
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        /// <summary>The next document met: its first paragraph at <paramref name="docId"/> of <paramref name="reader"/>.</summary>
        public void Add(AtomicReader reader, int docId, string id, int year)
        {
            _pending.Add((reader, docId, id, year));
            if (_pending.Count == Batch)
            {
                _queue.Add(_pending);
                _pending = new(Batch);
            }
        }

        /// <summary>Waits for every document added; their metadata and facet values by the order they were added.</summary>
        public (List<DocumentInfo> Met, List<FacetKeys> Values) Finish()
        {
            if (_pending.Count > 0)
            {
                _queue.Add(_pending);
                _pending = [];
            }
            _queue.CompleteAdding();
            // A failure to read a document's fields is the open's failure.
            _reading.GetAwaiter().GetResult();
            return (_met, _values);
        }

        public void Dispose()
        {
            // On a failed pass: let the thread finish (it stops at the end of the queue) before the reader closes.
            _queue.CompleteAdding();
            try
            {
                _reading.Wait();
            }
            catch (AggregateException)
            {
                // Already reported by Finish, or the pass failed first and its own exception is the one to see.
            }
            _queue.Dispose();
        }
    }

    private static bool IsInParagraphOrder(ReadOnlySpan<int> docIds, RowKeys[] keys)
    {
        for (var i = 1; i < docIds.Length; i++)
        {
            if (keys[docIds[i - 1]].Paragraph > keys[docIds[i]].Paragraph)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The document's own fields, the only ones read from its first paragraph: the paragraph's text and words, most
    /// of its bytes, are skipped (opening the 1,000× commit read 5,000 of them, 11% of a profile of the open). The
    /// facets a document holds as a whole are read with them.
    /// </summary>
    private static readonly HashSet<string> s_documentFields =
    [
        FieldNames.Title, FieldNames.Period, FieldNames.Type, FieldNames.File, FieldNames.YearSource, FieldNames.Number,
        FieldNames.Issuer, FieldNames.WrittenDate, FieldNames.PublishedDate, FieldNames.SourceUrl, FieldNames.Warning, FieldNames.Copy,
        .. FacetDeclarations.Valued.Where(f => f.PerDocument).Select(f => f.Field!),
    ];

    /// <summary>The stored fields a document holds as a whole, read from its paragraph at <paramref name="docId"/>.</summary>
    private static Lucene.Net.Documents.Document ReadDocumentFields(AtomicReader atomic, int docId)
    {
        var visitor = new Lucene.Net.Documents.DocumentStoredFieldVisitor(s_documentFields);
        atomic.Document(docId, visitor);
        return visitor.Document;
    }

    /// <summary>A document's own metadata, stored on each of its paragraphs: read from the stored fields of one of them.</summary>
    private static DocumentInfo ReadDocument(Lucene.Net.Documents.Document stored, string id, int year)
    {
        return new DocumentInfo(id, 0, stored.Get(FieldNames.Title), year,
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

    /// <summary>
    /// The ordinals of a document's own values (<see cref="FacetDeclaration.PerDocument"/> facets) from its stored
    /// fields; -1 where the document has none and the facet names no <see cref="FacetDeclaration.Missing"/> value.
    /// </summary>
    private static FacetKeys DocumentValues(Lucene.Net.Documents.Document stored, Numbering<string>[] numberings)
    {
        var values = default(FacetKeys);
        var valued = FacetDeclarations.Valued;
        for (var k = 0; k < valued.Count; k++)
        {
            var value = valued[k].PerDocument ? stored.Get(valued[k].Field) ?? valued[k].Missing : null;
            values[k] = value is null ? -1 : numberings[k].Of(value);
        }
        return values;
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

    /// <summary>
    /// A sorted doc-values field's values as the table's own ordinals (<paramref name="numbering"/>, across
    /// segments), each segment ordinal decoded and numbered once; -1 for a row without the field (or, when asked,
    /// with an empty value).
    /// </summary>
    private sealed class OrdinalNumbers(SortedDocValues? values, Numbering<string> numbering)
    {
        private readonly int[] _byOrdinal = Unset(values?.ValueCount ?? 0);

        public int Get(int docId, bool emptyIsNone)
        {
            var ord = values?.GetOrd(docId) ?? -1;
            if (ord < 0)
            {
                return -1;
            }
            if (_byOrdinal[ord] == Unknown)
            {
                var bytes = new Lucene.Net.Util.BytesRef();
                values!.LookupOrd(ord, bytes);
                _byOrdinal[ord] = emptyIsNone && bytes.Length == 0 ? -1 : numbering.Of(bytes.Utf8ToString());
            }
            return _byOrdinal[ord];
        }

        private const int Unknown = int.MinValue;

        private static int[] Unset(int count)
        {
            var ordinals = new int[count];
            Array.Fill(ordinals, Unknown);
            return ordinals;
        }
    }

    /// <summary>A sorted doc-values field's strings, each decoded once per ordinal and shared by every row holding it.</summary>
    private sealed class OrdinalStrings(SortedDocValues? values)
    {
        private readonly string?[] _byOrdinal = new string?[values?.ValueCount ?? 0];

        /// <summary>Distinct values in the segment (0 when the field is absent).</summary>
        public int Count => _byOrdinal.Length;

        /// <summary>The segment's ordinal of the row's value; -1 when it has none.</summary>
        public int OrdinalOf(int docId) => values?.GetOrd(docId) ?? -1;

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
