using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Commit;

namespace XiqingSearch.Core.Search.Analytics;

/// <summary>
/// The build's per-paragraph digests (<see cref="ParagraphDigest"/>) of one commit, read from doc values once per
/// commit: each paragraph's text hash and characters, each document's paragraphs in paragraph order and its
/// characters; and each document's part of the commit's distinct texts (<see cref="TextPart"/>), summed per group
/// of documents once (<see cref="TextsOf"/>). New-terms, suggestions and compare's sizes read texts through it, one
/// read per distinct text, and never run SmartCn: a caller's view takes its hidden documents' parts away from the
/// commit's sums, so its answers are those of an index of the documents it shows alone.
/// </summary>
internal sealed class CommitDigests
{
    // Lazy: a request and the background preparation asking at once wait for one load.
    private static readonly ConditionalWeakTable<ParagraphTable, Lazy<CommitDigests>> PerCommit = [];

    private static readonly HashSet<string> s_textFields = [FieldNames.Text, FieldNames.Words];

    private readonly long[] _hashes;
    private readonly int[] _characters;

    /// <summary>By document ordinal: its paragraphs' doc ids in paragraph order.</summary>
    private readonly int[][] _rowsOf;

    /// <summary>By document ordinal: its distinct texts, each with how many of its paragraphs hold it (its part).</summary>
    private readonly TextPart[][] _partsOf;

    /// <summary>By text number: the ordinals of the documents holding it, ascending.</summary>
    private readonly int[][] _documentsOf;

    /// <summary>By text number: a paragraph holding it (where it is read).</summary>
    private readonly int[] _rowOfText;

    /// <summary>By text number: the text once read (null until then).</summary>
    private readonly DistinctText?[] _read;

    private readonly ConcurrentDictionary<string, TextMultiset> _groups = new(StringComparer.Ordinal);

    private CommitDigests(long[] hashes, int[] characters, int[][] rowsOf, long[] documentCharacters,
        TextPart[][] partsOf, int[][] documentsOf, int[] rowOfText)
    {
        _hashes = hashes;
        _characters = characters;
        _rowsOf = rowsOf;
        DocumentCharacters = documentCharacters;
        _partsOf = partsOf;
        _documentsOf = documentsOf;
        _rowOfText = rowOfText;
        _read = new DistinctText?[rowOfText.Length];
    }

    /// <summary>Distinct paragraph texts of the commit (text numbers run from 0 to this, in order of first occurrence).</summary>
    public int TextCount => _rowOfText.Length;

    /// <summary>The distinct texts of <paramref name="document"/> in order of first occurrence, each with its paragraphs.</summary>
    public IReadOnlyList<TextPart> PartsOf(DocumentInfo document) => _partsOf[document.Ordinal];

    /// <summary>
    /// Text number <paramref name="text"/>, read from the commit once (with its stored SmartCn words) and kept: a
    /// shared value that callers copy rather than change.
    /// </summary>
    public DistinctText TextAt(int text, ParagraphTable table, Analyzer smartCn)
    {
        if (Volatile.Read(ref _read[text]) is { } known)
        {
            return known;
        }
        var read = Read(table.Base[_rowOfText[text]]!, smartCn);
        Volatile.Write(ref _read[text], read);
        return read;
    }

    /// <summary>
    /// The distinct texts of the documents of <paramref name="view"/> that <paramref name="member"/> keeps, in the
    /// order a walk of those documents' paragraphs (document, then paragraph order) first meets them, each with its
    /// paragraphs. Worked out once per commit for every document of the group (under <paramref name="group"/>, a
    /// name for <paramref name="member"/>); a view that hides documents takes the hidden documents' parts away
    /// (subtracts them) rather than walking the ones it shows, so its texts are exactly those of an index without
    /// the hidden documents.
    /// </summary>
    public TextMultiset TextsOf(ParagraphTable view, string group, Func<DocumentInfo, bool> member)
    {
        var all = view.AllDocuments;
        var full = _groups.GetOrAdd(group, _ => TextMultiset.Sum(all.Where(member).Select(d => (d.Ordinal, _partsOf[d.Ordinal]))));
        if (view.Documents.Count == all.Count)
        {
            return full;
        }
        var visible = new bool[all.Count];
        foreach (var document in view.Documents)
        {
            visible[document.Ordinal] = true;
        }
        var hidden = all.Where(d => !visible[d.Ordinal] && member(d)).Select(d => d.Ordinal).ToList();
        if (hidden.Count == 0)
        {
            return full;
        }
        return full.Without(hidden, _partsOf, _documentsOf, d => visible[d] && member(all[d]));
    }

    /// <summary>By document ordinal: the characters of all its paragraphs (whitespace not counted).</summary>
    public IReadOnlyList<long> DocumentCharacters { get; }

    /// <summary>
    /// The digests of <paramref name="table"/>'s commit, read on first use: from the commit's analytics file when
    /// it has one (<see cref="CommitAnalytics"/>), else from the doc values.
    /// </summary>
    public static CommitDigests For(ParagraphTable table) =>
        PerCommit.GetValue(table.Base, t => new Lazy<CommitDigests>(() => FromFile(t) ?? Load(t))).Value;

    /// <summary>The digests the commit's analytics file holds, or null when it has none that fit.</summary>
    internal static CommitDigests? FromFile(ParagraphTable table) =>
        CommitAnalytics.TryRead(table.Base, AnalyticsSection.Digests, r => ReadFrom(r, table.Base));

    /// <summary>The digests worked out from the doc values, never from the analytics file (what the file is checked against).</summary>
    internal static CommitDigests LoadFromDocValues(ParagraphTable table) => Load(table.Base);

    /// <summary>
    /// Writes what <see cref="ReadFrom"/> reads: the distinct texts (hash, characters, the row where each is read)
    /// in text-number order, then each document (its id, then its rows in paragraph order, each with its text
    /// number). A document's parts, the documents of each text and the characters are worked out from these on
    /// reading, in one pass without a lookup.
    /// </summary>
    public void WriteTo(BinaryWriter writer, ParagraphTable table)
    {
        writer.Write7BitEncodedInt(_rowOfText.Length);
        foreach (var row in _rowOfText)
        {
            writer.Write(_hashes[row]);
            writer.Write7BitEncodedInt(_characters[row]);
            writer.Write7BitEncodedInt(row);
        }
        var textOfRow = new Dictionary<TextKey, int>(_rowOfText.Length);
        for (var t = 0; t < _rowOfText.Length; t++)
        {
            textOfRow[KeyOfText(t)] = t;
        }
        var documents = table.Base.AllDocuments;
        writer.Write7BitEncodedInt(documents.Count);
        foreach (var document in documents)
        {
            writer.Write(document.Doc);
            var rows = _rowsOf[document.Ordinal];
            writer.Write7BitEncodedInt(rows.Length);
            var previous = -1;
            foreach (var docId in rows)
            {
                // Rows are nearly always ascending: the gap from the previous, zig-zag encoded for the rare step back.
                var gap = docId - previous;
                writer.Write7BitEncodedInt((gap << 1) ^ (gap >> 31));
                writer.Write7BitEncodedInt(textOfRow[KeyOf(docId)]);
                previous = docId;
            }
        }
    }

    /// <summary>
    /// The digests <see cref="WriteTo"/> wrote, checked against <paramref name="table"/> (every document named as
    /// the table names it, every row live and its document's, texts numbered in order of first occurrence); null
    /// when they do not fit, so the caller reads the doc values instead.
    /// </summary>
    // Runs once per commit over the whole section: compiled optimised at once rather than first at the JIT's lowest tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CommitDigests? ReadFrom(BinaryReader reader, ParagraphTable table)
    {
        var maxDoc = table.Rows.FirstOrDefault()?.Reader.MaxDoc ?? 0;
        var textCount = reader.Read7BitEncodedInt();
        if (textCount < 0 || textCount > maxDoc)
        {
            return null;
        }
        var textHashes = new long[textCount];
        var textCharacters = new int[textCount];
        var rowOfText = new int[textCount];
        for (var t = 0; t < textCount; t++)
        {
            textHashes[t] = reader.ReadInt64();
            textCharacters[t] = reader.Read7BitEncodedInt();
            rowOfText[t] = reader.Read7BitEncodedInt();
        }
        var documents = table.AllDocuments;
        if (reader.Read7BitEncodedInt() != documents.Count)
        {
            return null;
        }
        var hashes = new long[maxDoc];
        var characters = new int[maxDoc];
        var rowsOf = new int[documents.Count][];
        var documentCharacters = new long[documents.Count];
        var partsOf = new TextPart[documents.Count][];
        var parts = new PartsWalk();
        var nextText = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            if (!string.Equals(reader.ReadString(), documents[d].Doc, StringComparison.Ordinal))
            {
                return null;
            }
            var rows = new int[reader.Read7BitEncodedInt()];
            var previous = -1;
            for (var i = 0; i < rows.Length; i++)
            {
                var zigZag = reader.Read7BitEncodedInt();
                var docId = previous + ((zigZag >>> 1) ^ -(zigZag & 1));
                var text = reader.Read7BitEncodedInt();
                if (docId < 0 || docId >= maxDoc || text < 0 || text >= textCount || text > nextText)
                {
                    return null;
                }
                ref readonly var keys = ref table.KeysOf(docId);
                if (!keys.Exists || keys.Document != d)
                {
                    return null;
                }
                if (text == nextText)
                {
                    // A text is numbered where the walk first meets it, at the row it is read from.
                    if (rowOfText[text] != docId)
                    {
                        return null;
                    }
                    nextText++;
                    parts.NewText();
                }
                rows[i] = docId;
                previous = docId;
                hashes[docId] = textHashes[text];
                characters[docId] = textCharacters[text];
                documentCharacters[d] += textCharacters[text];
                parts.Add(d, text, keys.IsHeading);
            }
            rowsOf[d] = rows;
            partsOf[d] = parts.EndDocument();
        }
        if (nextText != textCount || rowsOf.Sum(r => r.Length) != table.Count)
        {
            return null;
        }
        return new CommitDigests(hashes, characters, rowsOf, documentCharacters, partsOf, parts.DocumentsOf(), rowOfText);
    }

    /// <summary>The paragraphs of <paramref name="document"/>, in paragraph order.</summary>
    public IReadOnlyList<int> RowsOf(DocumentInfo document) => _rowsOf[document.Ordinal];

    /// <summary>The identity of a paragraph's text: rows with equal keys hold the same text.</summary>
    public TextKey KeyOf(int docId) => new(_hashes[docId], _characters[docId]);

    /// <summary>The identity of text number <paramref name="text"/>.</summary>
    public TextKey KeyOfText(int text) => KeyOf(_rowOfText[text]);

    /// <summary>
    /// The stored text of <paramref name="row"/>, normalised, with its SmartCn words (read from the commit; analysed
    /// with <paramref name="smartCn"/> only for a paragraph written without them).
    /// </summary>
    public static DistinctText Read(ParagraphRow row, Analyzer smartCn)
    {
        var stored = row.Reader.Document(row.DocId, s_textFields);
        var text = stored.Get(FieldNames.Text) ?? string.Empty;
        var bytes = stored.GetBinaryValue(FieldNames.Words);
        var words = bytes is null ? null : ParagraphDigest.DecodeWords(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), text.Length);
        return new DistinctText(text, MatchFolding.Normalize(text)) { Words = words ?? ParagraphDigest.Words(smartCn, text) };
    }

    private static CommitDigests Load(ParagraphTable table)
    {
        var maxDoc = 0;
        var reader = table.Rows.FirstOrDefault()?.Reader;
        if (reader is not null)
        {
            maxDoc = reader.MaxDoc;
        }
        var hashes = new long[maxDoc];
        var characters = new int[maxDoc];
        if (reader is not null)
        {
            foreach (var leaf in reader.Leaves)
            {
                var atomic = leaf.AtomicReader;
                var hash = atomic.GetNumericDocValues(FieldNames.TextHash);
                var size = atomic.GetNumericDocValues(FieldNames.Characters);
                for (var i = 0; i < atomic.MaxDoc; i++)
                {
                    var docId = leaf.DocBase + i;
                    if (hash is not null && size is not null)
                    {
                        hashes[docId] = hash.Get(i);
                        characters[docId] = (int)size.Get(i);
                    }
                    else if (table[docId] is { } row)
                    {
                        // A paragraph written without its digest (by a tool writing documents directly): work it out here.
                        var text = row.Text;
                        hashes[docId] = ParagraphDigest.Hash(text);
                        characters[docId] = ParagraphDigest.Characters(text);
                    }
                }
            }
        }

        var documents = table.AllDocuments;
        var rows = new List<int>?[documents.Count];
        var documentCharacters = new long[documents.Count];
        for (var docId = 0; docId < maxDoc; docId++)
        {
            ref readonly var keys = ref table.KeysOf(docId);
            if (!keys.Exists)
            {
                continue;
            }
            (rows[keys.Document] ??= []).Add(docId);
            documentCharacters[keys.Document] += characters[docId];
        }
        var rowsOf = new int[documents.Count][];
        for (var d = 0; d < rowsOf.Length; d++)
        {
            var of = rows[d] ?? [];
            // A document's paragraphs are written in order, so they nearly always are in doc id order already.
            if (!IsInParagraphOrder(table, of))
            {
                of.Sort((a, b) => table.KeysOf(a).Paragraph.CompareTo(table.KeysOf(b).Paragraph));
            }
            rowsOf[d] = [.. of];
        }
        // Each document's distinct texts and the documents of each text, met in document and paragraph order.
        var textOf = new Dictionary<TextKey, int>();
        var rowOfText = new List<int>();
        var partsOf = new TextPart[documents.Count][];
        var parts = new PartsWalk();
        for (var d = 0; d < rowsOf.Length; d++)
        {
            foreach (var docId in rowsOf[d])
            {
                var key = new TextKey(hashes[docId], characters[docId]);
                if (!textOf.TryGetValue(key, out var text))
                {
                    textOf[key] = text = rowOfText.Count;
                    rowOfText.Add(docId);
                    parts.NewText();
                }
                parts.Add(d, text, table.KeysOf(docId).IsHeading);
            }
            partsOf[d] = parts.EndDocument();
        }
        return new CommitDigests(hashes, characters, rowsOf, documentCharacters, partsOf, parts.DocumentsOf(), [.. rowOfText]);
    }

    /// <summary>
    /// Each document's parts and each text's documents, made by one walk of the documents' rows in document and
    /// paragraph order (texts numbered as the walk first meets them): a row costs no lookup, since each text
    /// remembers the last document that held it and its place among that document's parts.
    /// </summary>
    private sealed class PartsWalk
    {
        private readonly List<int> _lastDocument = [];
        private readonly List<int> _place = [];
        private readonly List<List<int>> _documentsOf = [];
        private readonly List<TextPart> _parts = [];

        /// <summary>The walk met a text for the first time (the next text number).</summary>
        public void NewText()
        {
            _lastDocument.Add(-1);
            _place.Add(0);
            _documentsOf.Add([]);
        }

        /// <summary>A row of <paramref name="document"/> holding <paramref name="text"/>.</summary>
        public void Add(int document, int text, bool heading)
        {
            var headings = heading ? 1 : 0;
            if (_lastDocument[text] == document)
            {
                var i = _place[text];
                _parts[i] = _parts[i] with { Paragraphs = _parts[i].Paragraphs + 1, Headings = _parts[i].Headings + headings };
            }
            else
            {
                _lastDocument[text] = document;
                _place[text] = _parts.Count;
                _parts.Add(new TextPart(text, 1, headings));
                _documentsOf[text].Add(document);
            }
        }

        /// <summary>The parts of the document just walked; the next rows are another document's.</summary>
        public TextPart[] EndDocument()
        {
            TextPart[] parts = [.. _parts];
            _parts.Clear();
            return parts;
        }

        /// <summary>By text number: the documents holding it, ascending.</summary>
        public int[][] DocumentsOf() => [.. _documentsOf.Select(l => l.ToArray())];
    }

    private static bool IsInParagraphOrder(ParagraphTable table, List<int> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if (table.KeysOf(rows[i - 1]).Paragraph > table.KeysOf(rows[i]).Paragraph)
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>A paragraph text's identity: its hash and its characters (<see cref="ParagraphDigest"/>).</summary>
internal readonly record struct TextKey(long Hash, int Characters);

/// <summary>One distinct text of a document: its number in the commit, the document's paragraphs holding it, and how many of those are headings.</summary>
internal readonly record struct TextPart(int Text, int Paragraphs, int Headings);
