using Lucene.Net.Index;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Commit;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace XiqingSearch.Core.Tests.Search.Analytics;

/// <summary>
/// The commit's per-group texts (<see cref="CommitDigests.TextsOf"/>, read by new-terms and suggestions): a view
/// that hides documents subtracts their parts, and what it gets is exactly what a walk of the documents it shows
/// gives: the same texts, counts and headings, in the same order.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class TextMultisetTests(SeedIndexFixture index)
{
    [Fact]
    public void TextsOf_ViewsHidingDocuments_EqualAWalkOfTheShownDocuments()
    {
        using var directory = FSDirectory.Open(index.Directory);
        using var reader = DirectoryReader.Open(directory);
        var table = ParagraphTable.Load(reader);
        var digests = CommitDigests.For(table);
        var documents = table.AllDocuments;
        Assert.True(documents.Count >= 3, $"{documents.Count} documents");

        var views = new List<bool[]>();
        for (var hidden = 0; hidden < documents.Count; hidden++)
        {
            views.Add([.. documents.Select(d => d.Ordinal != hidden)]);
        }
        views.Add([.. documents.Select(d => d.Ordinal == documents.Count - 1)]);
        views.Add([.. documents.Select(d => d.Ordinal % 2 == 1)]);
        var firstYear = documents.Min(d => d.Year);
        var moved = 0;
        foreach (var visible in views)
        {
            var view = table.Restrict(visible);
            foreach (var (group, member) in new (string, Func<DocumentInfo, bool>)[] { ("all", _ => true), ($"year {firstYear}", d => d.Year != firstYear) })
            {
                var set = digests.TextsOf(view, group, member);
                var expected = Walk(view, digests, member);
                Assert.Equal(expected, [.. set.Texts.Select((t, i) => (digests.KeyOfText(t), set.Paragraphs[i], set.Headings[i]))]);
                // Shared texts (a greeting, 此件主动公开) first met in a hidden document are placed where the shown ones meet them.
                var full = digests.TextsOf(table, group, member);
                var order = full.Texts.Select(digests.KeyOfText).Where(k => expected.Any(e => e.Key == k)).ToList();
                moved += order.SequenceEqual(expected.Select(e => e.Key)) ? 0 : 1;
            }
        }
        Assert.True(moved > 0, "no view moved a shared text");
    }

    /// <summary>The view's distinct texts by walking every paragraph it shows, document then paragraph order.</summary>
    private static List<(TextKey Key, int Paragraphs, int Headings)> Walk(ParagraphTable view, CommitDigests digests, Func<DocumentInfo, bool> member)
    {
        var at = new Dictionary<TextKey, int>();
        var texts = new List<(TextKey Key, int Paragraphs, int Headings)>();
        foreach (var document in view.Documents.Where(member))
        {
            foreach (var docId in digests.RowsOf(document))
            {
                var key = digests.KeyOf(docId);
                var heading = view.KeysOf(docId).IsHeading ? 1 : 0;
                if (at.TryGetValue(key, out var i))
                {
                    texts[i] = (key, texts[i].Paragraphs + 1, texts[i].Headings + heading);
                }
                else
                {
                    at[key] = texts.Count;
                    texts.Add((key, 1, heading));
                }
            }
        }
        return texts;
    }
}
