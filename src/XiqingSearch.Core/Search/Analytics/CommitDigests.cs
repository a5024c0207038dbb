using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Commit;

namespace XiqingSearch.Core.Search.Analytics;

/// <summary>
/// The build's per-paragraph digests (<see cref="ParagraphDigest"/>) of one commit, read from doc values once per
/// commit: each paragraph's text hash and characters, each document's paragraphs in paragraph order and its
/// characters. New-terms, suggestions and compare's sizes read texts through it, one read per distinct text, and
/// never run SmartCn: a caller's view walks only the documents it shows, so its answers are those of an index of
/// those documents alone.
/// </summary>
internal sealed class CommitDigests
{
    private static readonly ConditionalWeakTable<ParagraphTable, CommitDigests> PerCommit = [];

    private static readonly HashSet<string> s_textFields = [FieldNames.Text, FieldNames.Words];

    private readonly long[] _hashes;
    private readonly int[] _characters;

    /// <summary>By document ordinal: its paragraphs' doc ids in paragraph order.</summary>
    private readonly int[][] _rowsOf;

    private CommitDigests(long[] hashes, int[] characters, int[][] rowsOf, long[] documentCharacters)
    {
        _hashes = hashes;
        _characters = characters;
        _rowsOf = rowsOf;
        DocumentCharacters = documentCharacters;
    }

    /// <summary>By document ordinal: the characters of all its paragraphs (whitespace not counted).</summary>
    public IReadOnlyList<long> DocumentCharacters { get; }

    /// <summary>The digests of <paramref name="table"/>'s commit, read on first use.</summary>
    public static CommitDigests For(ParagraphTable table) => PerCommit.GetValue(table.Base, Load);

    /// <summary>The paragraphs of <paramref name="document"/>, in paragraph order.</summary>
    public IReadOnlyList<int> RowsOf(DocumentInfo document) => _rowsOf[document.Ordinal];

    /// <summary>The identity of a paragraph's text: rows with equal keys hold the same text.</summary>
    public TextKey KeyOf(int docId) => new(_hashes[docId], _characters[docId]);

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
        return new CommitDigests(hashes, characters, rowsOf, documentCharacters);
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
