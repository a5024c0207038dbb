using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Engine;

public sealed partial class SearchEngine
{
    /// <summary>
    /// Runs a few searches of the shapes users send (a common two-character phrase, a longer phrase, one
    /// character, an OR with a facet filter, a year sort, the second page) so that the first real search does not
    /// pay for compiling the search path, and the commit's term dictionary and postings the common phrases read are
    /// in memory. The phrases are taken from the index itself (its first paragraphs), so warming works on any
    /// corpus. Returns the responses, for a front end that also wants to warm its serialiser.
    /// </summary>
    public IReadOnlyList<SearchResponse> WarmUp()
    {
        var table = Volatile.Read(ref _current).Table;
        var texts = new List<string>();
        foreach (var row in table.Rows)
        {
            var text = MatchFolding.Normalize(row.Text);
            if (text.Length >= 6 && !text.Any(char.IsSurrogate))
            {
                texts.Add(text);
                if (texts.Count == 3)
                {
                    break;
                }
            }
        }
        if (texts.Count == 0)
        {
            return [];
        }
        var year = table.Rows.First().Year;
        var requests = new List<SearchRequest>();
        foreach (var text in texts)
        {
            requests.Add(new SearchRequest { Query = Quote(text[..2]) });
            requests.Add(new SearchRequest { Query = Quote(text[..5]) });
        }
        requests.Add(new SearchRequest { Query = Quote(texts[0][..1]) });
        requests.Add(new SearchRequest { Query = $"{Quote(texts[0][..2])} OR {Quote(texts[^1][2..4])}", Years = [new YearRange(year, year)] });
        requests.Add(new SearchRequest { Query = Quote(texts[0][..2]), Sort = SearchSort.Year, Offset = 10 });
        var responses = new List<SearchResponse>();
        // Twice: the second round runs the code the first compiled at its next tier.
        for (var round = 0; round < 2; round++)
        {
            foreach (var request in requests)
            {
                var result = Search(request);
                if (result.IsSuccess && round == 1)
                {
                    responses.Add(result.Value);
                }
            }
        }
        return responses;
    }

    /// <summary>A quoted phrase: text taken from a paragraph may hold characters the query language reads as operators.</summary>
    private static string Quote(string text) => "\"" + text.Replace("\"", "", StringComparison.Ordinal) + "\"";
}
