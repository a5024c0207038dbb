using Lucene.Net.Util;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Commit;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// The live paragraphs of one commit grouped by what a text query can tell apart: equal text (the build's digest,
/// <see cref="CommitDigests.KeyOf"/>: hash and characters) and the same recognised-from-scan flag (approximate
/// matching reads only OCR rows). A query on the text fields alone matches every paragraph of a group or none,
/// with the same occurrences, so a comparison matches one paragraph per group (the first, its representative) and
/// counts the result once for each paragraph of the group. Repeated text is common in policy documents (headings,
/// boilerplate, the same document filed twice) and makes up almost all of a corpus of copies.
/// Built on first use per commit (one pass over the digests), for every caller alike: a caller's view decides
/// which paragraphs of a group are counted, not how a group matches.
/// </summary>
/// <param name="groupOf">By top-level doc id: the paragraph's group (-1: none).</param>
/// <param name="representatives">By segment: its representatives, as segment doc ids in ascending order.</param>
/// <param name="accepted">By segment: the same as a bit set.</param>
/// <param name="count">The number of groups.</param>
/// <param name="firstRow">By document ordinal: its rows are <c>[firstRow[d], firstRow[d + 1])</c> of the two arrays that follow.</param>
/// <param name="rowDocIds">Each document's live paragraphs in doc id order, document after document.</param>
/// <param name="rowGroups">The group of each of those paragraphs.</param>
internal sealed class TextGroups(int[] groupOf, int[][] representatives, FixedBitSet[] accepted, int count,
    int[] firstRow, int[] rowDocIds, int[] rowGroups)
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ParagraphTable, TextGroups> PerCommit = [];

    /// <summary>
    /// The live paragraphs of the document with ordinal <paramref name="document"/>, in doc id order: read in step
    /// with <see cref="GroupsOf"/>, so that a pass over many documents reads memory in order.
    /// </summary>
    public ReadOnlySpan<int> DocIdsOf(int document) => rowDocIds.AsSpan(firstRow[document], firstRow[document + 1] - firstRow[document]);

    /// <summary>The group of each paragraph of <see cref="DocIdsOf"/>.</summary>
    public ReadOnlySpan<int> GroupsOf(int document) => rowGroups.AsSpan(firstRow[document], firstRow[document + 1] - firstRow[document]);

    /// <summary>The number of groups (distinct texts, OCR rows apart).</summary>
    public int Count { get; } = count;

    /// <summary>The group of the live paragraph at top-level <paramref name="docId"/> (-1 for a deleted one).</summary>
    public int GroupOf(int docId) => groupOf[docId];

    /// <summary>Segment <paramref name="segment"/>'s representatives: the first paragraph of each group, as segment doc ids in ascending order.</summary>
    public int[] RepresentativesIn(int segment) => representatives[segment];

    /// <summary>
    /// Segment <paramref name="segment"/>'s representatives as the documents a scorer accepts: the postings then
    /// step over every other paragraph, so a phrase's positions are compared only where its answer is kept.
    /// </summary>
    public IBits AcceptedIn(int segment) => accepted[segment];

    /// <summary>The groups of <paramref name="searcher"/>'s commit, built on first use.</summary>
    public static TextGroups For(TableSearcher searcher) => PerCommit.GetValue(searcher.Table.Base, table => Build(searcher, table));

    private static TextGroups Build(TableSearcher searcher, ParagraphTable table)
    {
        var digests = CommitDigests.For(table);
        var leaves = searcher.IndexReader.Leaves;
        var groupOf = new int[searcher.IndexReader.MaxDoc];
        Array.Fill(groupOf, -1);
        var ids = new Dictionary<(TextKey Text, bool Ocr), int>();
        var representatives = new int[leaves.Count][];
        var accepted = new FixedBitSet[leaves.Count];
        var segment = new List<int>();
        foreach (var leaf in leaves)
        {
            segment.Clear();
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                var docId = leaf.DocBase + doc;
                ref readonly var keys = ref table.KeysOf(docId);
                if (!keys.Exists)
                {
                    continue;
                }
                ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ids, (digests.KeyOf(docId), keys.Ocr), out var known);
                if (!known)
                {
                    id = ids.Count - 1;
                    segment.Add(doc);
                }
                groupOf[docId] = id;
            }
            representatives[leaf.Ord] = [.. segment];
            accepted[leaf.Ord] = new FixedBitSet(Math.Max(1, leaf.AtomicReader.MaxDoc));
            foreach (var doc in segment)
            {
                accepted[leaf.Ord].Set(doc);
            }
        }
        var firstRow = new int[table.AllDocuments.Count + 1];
        for (var docId = 0; docId < groupOf.Length; docId++)
        {
            if (groupOf[docId] >= 0)
            {
                firstRow[table.KeysOf(docId).Document + 1]++;
            }
        }
        for (var d = 0; d + 1 < firstRow.Length; d++)
        {
            firstRow[d + 1] += firstRow[d];
        }
        var rowDocIds = new int[firstRow[^1]];
        var rowGroups = new int[firstRow[^1]];
        var next = firstRow[..^1];
        for (var docId = 0; docId < groupOf.Length; docId++)
        {
            if (groupOf[docId] >= 0)
            {
                var at = next[table.KeysOf(docId).Document]++;
                rowDocIds[at] = docId;
                rowGroups[at] = groupOf[docId];
            }
        }
        return new TextGroups(groupOf, representatives, accepted, ids.Count, firstRow, rowDocIds, rowGroups);
    }
}
