using System.Diagnostics;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// Year-by-year views over the engine: phrases compared across years, and the terms new in (or gone from) a year.
/// Every count is what <see cref="Search(SearchRequest)"/> counts for the same query and filters: a comparison runs one search
/// per phrase and reads its per-document facet, so matching, folding and recall are the search's own.
/// </summary>
public sealed partial class SearchEngine
{
    /// <summary>Each phrase's occurrences, paragraphs and documents per year.</summary>
    public Result<CompareResult> Compare(CompareRequest request)
    {
        var clock = Stopwatch.StartNew();
        var phrases = new List<string>();
        foreach (var phrase in request.Phrases)
        {
            var trimmed = phrase.Trim();
            if (trimmed.Length > 0 && !phrases.Contains(trimmed, StringComparer.Ordinal))
            {
                phrases.Add(trimmed);
            }
        }
        if (phrases.Count == 0)
        {
            return SearchMessages.NoPhrases();
        }
        if (phrases.Count > CompareRequest.MaxPhrases)
        {
            return SearchMessages.TooManyPhrases(phrases.Count, CompareRequest.MaxPhrases);
        }
        var compared = CompareCore(phrases, request);
        return compared.IsSuccess ? compared.Value with { TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 3) } : compared;
    }

    /// <summary>The terms that appear in <see cref="NewTermsRequest.Year"/> and those that disappear from it (<see cref="NewTermsFinder"/>).</summary>
    public Result<NewTermsResult> NewTerms(NewTermsRequest request) => _newTerms.Find(request, WithTable, CompareCore);

    private Result<CompareResult> CompareCore(IReadOnlyList<string> phrases, CompareRequest filters)
    {
        // The columns and their sizes, from the commit being searched now.
        var (columns, documents, characters) = WithTable(filters.Caller, table =>
        {
            var cols = YearColumns.Build(table.Documents, filters.MultiYear, filters.Years, filters.Docs);
            var chars = new Dictionary<YearColumn, long>();
            // The build's per-paragraph characters, summed per document once per commit (no text is read).
            var sizes = CommitDigests.For(table).DocumentCharacters;
            foreach (var document in table.Documents)
            {
                if (cols.TryGet(document, out var column))
                {
                    chars[column] = chars.GetValueOrDefault(column) + sizes[document.Ordinal];
                }
            }
            return (cols, table.Documents.ToDictionary(d => d.Doc, StringComparer.Ordinal), chars);
        });

        var rows = new List<CompareRow>(phrases.Count);
        foreach (var phrase in phrases)
        {
            var searched = Search(new SearchRequest
            {
                Query = phrase,
                Limit = 1,
                // Every document's counts: the comparison sums the whole document facet.
                FacetSize = 0,
                Sort = SearchSort.Document,
                Years = filters.Years,
                Topics = filters.Topics,
                Chapters = filters.Chapters,
                Docs = filters.Docs,
                Kinds = filters.Kinds,
                Caller = filters.Caller,
            });
            if (!searched.IsSuccess)
            {
                // Name the phrase: the position in the problem is within it.
                var problem = searched.Problems[0];
                return SearchMessages.InComparedPhrase(problem, rows.Count + 1, phrase);
            }
            var sums = new Dictionary<YearColumn, (int Occurrences, int Paragraphs, int Documents)>();
            // The document facet counts every match that passes all filters but the document one.
            foreach (var value in searched.Value.Facets.Doc)
            {
                if (value.Count == 0 || !documents.TryGetValue(value.Value, out var document) || !columns.TryGet(document, out var column))
                {
                    continue;
                }
                var sum = sums.GetValueOrDefault(column);
                sums[column] = (sum.Occurrences + value.Occurrences, sum.Paragraphs + value.Count, sum.Documents + 1);
            }
            var cells = columns.Columns.Select(column =>
            {
                var sum = sums.GetValueOrDefault(column);
                var size = characters.GetValueOrDefault(column);
                return new CompareCell
                {
                    Year = column.Year,
                    Period = column.Period,
                    Occurrences = sum.Occurrences,
                    Paragraphs = sum.Paragraphs,
                    Documents = sum.Documents,
                    Per10k = size == 0 ? 0 : Math.Round(sum.Occurrences * 10_000.0 / size, 2),
                    Characters = size,
                };
            }).ToList();
            var found = cells.Where(c => c.Occurrences > 0).Select(c => c.Year).ToList();
            rows.Add(new CompareRow
            {
                Phrase = phrase,
                Total = cells.Sum(c => c.Occurrences),
                FirstYear = found.Count > 0 ? found.Min() : null,
                LastYear = found.Count > 0 ? found.Max() : null,
                Cells = cells,
            });
        }
        return new CompareResult
        {
            Phrases = phrases,
            Years = [.. columns.Years],
            Periods = [.. columns.Periods],
            MultiYear = filters.MultiYear,
            MultiYearNote = MultiYearModes.Describe(filters.MultiYear),
            Rows = rows,
            UnknownYearParagraphs = columns.UnknownYearParagraphs,
        };
    }
}
