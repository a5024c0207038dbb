using UglyToad.PdfPig;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Tests.Search;
using Xunit.Abstractions;

namespace XiqingSearch.Core.Tests.Ingestion.Formats;

/// <summary>
/// The DOCX, the saved page and the two printed PDFs of seed 000, indexed beside the seed's text: every phrase is
/// found as often as in the text (and nothing more is highlighted), titles and years are read, pages agree with the
/// PDF's own page text, and running headers, footers and page numbers are not in any paragraph.
/// </summary>
[Collection(DocumentIndexCollection.Name)]
public sealed class DocumentFixtureTests(DocumentIndexFixture index, ITestOutputHelper output)
{
    public static TheoryData<string> Fixtures => [.. DocumentIndexFixture.Kinds.Keys];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Phrases_AreFoundAsOftenAsInTheSeedText(string doc)
    {
        var seed = SeedParagraphs(doc);
        var fixtureText = string.Concat(index.Documents[doc].Paragraphs.Select(p => p.Text));
        // Chromium maps some glyphs back to look-alike CJK radicals (⻘ for 青, ⺠ for 民); extraction shows them as
        // the ideographs, so no radical code point is left in the text and phrases with them are found like any other.
        Assert.DoesNotContain(fixtureText, c => c is >= '\u2E80' and <= '\u2FDF');
        var phrases = SamplePhrases(seed, 20261201);
        var expectedTotal = 0;
        var foundTotal = 0;
        var extraTotal = 0;
        var wrong = new List<string>();
        foreach (var phrase in phrases)
        {
            var expected = seed.Sum(p => BruteForce.Occurrences(p.Text, phrase).Count);
            var response = Search(phrase, doc);
            expectedTotal += expected;
            foundTotal += Math.Min(expected, response.TotalOccurrences);
            extraTotal += Math.Max(0, response.TotalOccurrences - expected);
            if (response.TotalOccurrences != expected)
            {
                wrong.Add($"{phrase}: {response.TotalOccurrences} found, {expected} in the text");
            }
            foreach (var hit in response.Hits)
            {
                foreach (var span in hit.Highlights)
                {
                    Assert.Equal(BruteForce.NormalizeQuery(phrase), BruteForce.NormalizeQuery(hit.Text[span.Start..span.End]));
                }
            }
        }
        var recall = (double)foundTotal / expectedTotal;
        var precision = (double)foundTotal / (foundTotal + extraTotal);
        output.WriteLine($"{doc}: {phrases.Count} phrases, {expectedTotal} occurrences in the text; recall {recall:P2}, precision {precision:P2}");
        Assert.True(phrases.Count >= (doc == "fixture-chromium" ? 100 : 300), $"only {phrases.Count} phrases");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void TitleYearAndHeadings_AreReadAsFromTheText(string doc)
    {
        var seed = DocumentFixtures.Seed;
        var document = index.Documents[doc];
        Assert.Equal(seed.Title, document.Title);
        Assert.Equal(seed.Year, document.Year);
        Assert.Equal(seed.Type, document.Type);
        var seedHeadings = SeedParagraphs(doc).Where(p => p.Kind == ParagraphKind.Heading).Select(p => p.Text).ToList();
        var headings = document.Paragraphs.Where(p => p.Kind == ParagraphKind.Heading).Select(p => p.Text).ToList();
        Assert.Equal(seedHeadings, headings);
    }

    [Theory]
    [InlineData("fixture-libreoffice", ".libreoffice.pdf")]
    [InlineData("fixture-chromium", ".chromium.pdf")]
    public void Pages_AgreeWithThePdfsOwnPageText(string doc, string suffix)
    {
        using var pdf = PdfDocument.Open(Path.Combine(DocumentFixtures.Folder, DocumentFixtures.SeedId + suffix));
        var pages = pdf.GetPages().Select(p => Squeeze(ExtractedText.Clean(string.Concat(p.Letters.Select(l => l.Value))))).ToList();
        var paragraphs = index.Documents[doc].Paragraphs;
        var previous = 1;
        foreach (var paragraph in paragraphs)
        {
            Assert.NotNull(paragraph.FirstPage);
            Assert.NotNull(paragraph.LastPage);
            var first = paragraph.FirstPage!.Value;
            var last = paragraph.LastPage!.Value;
            Assert.True(first >= previous && last >= first, $"{paragraph.Number}: pages {first}–{last} after {previous}");
            var text = Squeeze(paragraph.Text);
            var head = text[..Math.Min(8, text.Length)];
            var tail = text[Math.Max(0, text.Length - 8)..];
            Assert.True(pages[first - 1].Contains(head, StringComparison.Ordinal), $"¶{paragraph.Number} does not start on p. {first}: {head}");
            Assert.True(pages[last - 1].Contains(tail, StringComparison.Ordinal), $"¶{paragraph.Number} does not end on p. {last}: {tail}");
            previous = first;
        }
        Assert.Equal(pages.Count, paragraphs[^1].LastPage);
        Assert.Contains(paragraphs, p => p.LastPage > p.FirstPage);
    }

    [Fact]
    public void Pages_OfPdfHitsAreInTheResultsAndNullForText()
    {
        var response = Search("天开西青园", null);
        Assert.Contains(response.Hits, h => h.Doc == "fixture-libreoffice" && h.FirstPage is > 0 && h.LastPage >= h.FirstPage);
        Assert.All(response.Hits.Where(h => h.Doc is DocumentFixtures.SeedId or "fixture-html" or "fixture-docx"),
            h => Assert.Null(h.FirstPage));
        var hit = response.Hits.First(h => h.Doc == "fixture-libreoffice");
        var view = index.Engine.GetParagraph(hit.Doc, hit.Paragraph, 0).ValueOrThrow().Paragraph;
        Assert.Equal(hit.FirstPage, view.FirstPage);
        Assert.Equal(hit.LastPage, view.LastPage);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void HeadersFootersAndPageNumbers_AreNotInAnyParagraph(string doc)
    {
        foreach (var paragraph in index.Documents[doc].Paragraphs)
        {
            Assert.DoesNotMatch(@"—\s*\d+\s*—|file://|\d+/\d+\s*$|\d{1,2}/\d{1,2}/\d{2},", paragraph.Text);
            // The page's navigation, site header and footer and its script are not the article.
            Assert.DoesNotContain("互动交流", paragraph.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("网站标识码", paragraph.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("页面统计", paragraph.Text, StringComparison.Ordinal);
        }
        // The running header is the document title, which the body also has: exactly the text's occurrences remain.
        var title = DocumentFixtures.Seed.Title;
        var expected = SeedParagraphs(doc).Sum(p => BruteForce.Occurrences(p.Text, title).Count);
        Assert.True(expected >= 2);
        Assert.Equal(expected, index.Documents[doc].Paragraphs.Sum(p => BruteForce.Occurrences(p.Text, title).Count));
        if (doc != "fixture-chromium")
        {
            Assert.Equal(expected, Search(title, doc).TotalOccurrences);
        }
    }

    [Fact]
    public void DocumentsIndex_WithEveryFormatBesideText()
    {
        Assert.Equal(5, index.Report.Documents.Count);
        Assert.Empty(index.Report.Skipped);
        var listed = index.Engine.Documents();
        Assert.Equal(5, listed.Count);
        Assert.All(listed, d => Assert.Null(d.Skipped));
    }

    /// <summary>The seed's paragraphs the fixture holds (Chromium printed the first ones only).</summary>
    private static List<Paragraph> SeedParagraphs(string doc) =>
        [.. DocumentFixtures.Seed.Paragraphs.Take(doc == "fixture-chromium" ? DocumentFixtures.ChromiumParagraphs : int.MaxValue)];

    private SearchResponse Search(string phrase, string? doc)
    {
        var request = new SearchRequest { Query = "\"" + phrase + "\"", All = true, Docs = doc is null ? [] : [doc] };
        var result = index.Engine.Search(request);
        Assert.True(result.IsSuccess, $"{phrase}: {string.Join("; ", result.Problems)}");
        return result.Value;
    }

    /// <summary>Substrings of 2–10 letters or digits from every paragraph (no query syntax inside).</summary>
    private static List<string> SamplePhrases(IReadOnlyList<Paragraph> paragraphs, int seed)
    {
        var random = new Random(seed);
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in paragraphs)
        {
            var text = BruteForce.NormalizeQuery(paragraph.Text);
            for (var n = 0; n < Math.Max(3, text.Length / 12); n++)
            {
                var length = random.Next(2, 11);
                if (text.Length <= length)
                {
                    continue;
                }
                var phrase = text.Substring(random.Next(0, text.Length - length), length);
                if (phrase.All(char.IsLetterOrDigit))
                {
                    phrases.Add(phrase);
                }
            }
        }
        return [.. phrases];
    }

    private static string Squeeze(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);
}
