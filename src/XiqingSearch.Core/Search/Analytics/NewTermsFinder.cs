using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using XiqingSearch.Core.Access;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Facets;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Query;

namespace XiqingSearch.Core.Search.Analytics;

/// <summary>
/// The terms that appear in a year and those that disappear from it (<c>new-terms</c>). The texts come from the
/// build's digests (<see cref="CommitDigests"/>): each distinct paragraph text of the caller's view is read once,
/// with the SmartCn words the build stored, in document and paragraph order; candidates are ranked on those texts,
/// and only what the engine's own search confirms is reported, with its counts.
/// </summary>
internal sealed class NewTermsFinder(Analyzer smartCn)
{
    /// <summary>Answers to requests without filters, by view (a commit's table, or a caller's view of it).</summary>
    private static readonly ConditionalWeakTable<ParagraphTable, ConcurrentDictionary<string, NewTermsResult>> s_answers = [];

    /// <summary>Whole rankings of candidates (appeared, disappeared) without filters, by view, then year, first year and multi-year mode.</summary>
    private static readonly ConditionalWeakTable<ParagraphTable, ConcurrentDictionary<string, (List<string> Appeared, List<string> Disappeared)>> s_rankings = [];

    /// <summary>Search's counts of candidate terms without filters, by view, then multi-year mode, then term.</summary>
    private static readonly ConditionalWeakTable<ParagraphTable, ConcurrentDictionary<string, ConcurrentDictionary<string, CompareRow>>> s_confirmed = [];

    private readonly Analyzer _smartCn = smartCn;

    /// <summary>
    /// The answer to <paramref name="request"/>: <paramref name="withTable"/> runs a function on the caller's view of
    /// the current commit; <paramref name="compare"/> counts phrases per year as compare does (the confirmation).
    /// </summary>
    public Result<NewTermsResult> Find(NewTermsRequest request,
        Func<Caller?, Func<ParagraphTable, YearTexts>, YearTexts> withTable,
        Func<IReadOnlyList<string>, CompareRequest, Result<CompareResult>> compare)
    {
        var clock = Stopwatch.StartNew();
        if (request.Limit < 1 || request.Limit > NewTermsRequest.MaxLimit)
        {
            return SearchMessages.OutOfRange(RequestParameter.Limit, request.Limit, 1, NewTermsRequest.MaxLimit);
        }
        if (request.MultiYear == MultiYearMode.Own)
        {
            return SearchMessages.OwnYearsNotForNewTerms();
        }
        // The year is the verb's subject: the filters keep paragraphs within every year alike.
        var kept = request.Filters with { Years = [] };
        if (SearchLimits.CheckFilters(kept) is { } invalid)
        {
            return invalid;
        }

        // Without filters an answer is kept with the caller's view of the commit (the view is made again when the
        // commit or the access rules change), so a repeated question is not worked out again.
        var answerKey = kept.IsEmpty ? $"{request.Year} {request.Since} {request.Limit} {request.MultiYear}" : null;
        var gathered = withTable(request.Caller, table =>
        {
            if (answerKey is null)
            {
                return Gather(table, request.MultiYear, kept) with { Table = table };
            }
            if (s_answers.TryGetValue(table, out var answers) && answers.TryGetValue(answerKey, out var answer))
            {
                return new YearTexts([], [], [], 0) { Table = table, Answer = answer };
            }
            // A view of the whole commit starts from the rankings and counts the build wrote with it; when the
            // ranking asked for is known, no text is read (the confirmations are then counts already made or a search).
            SeedFromFile(table);
            var (years, unknownYearParagraphs) = YearsOf(table, request.MultiYear);
            return years.Count > 0 && s_rankings.TryGetValue(table, out var rankings)
                && rankings.ContainsKey(RankKey(request.Year, request.Since ?? years[0], request.MultiYear))
                ? new YearTexts([], [], years, unknownYearParagraphs) { Table = table }
                : Gather(table, request.MultiYear, kept) with { Table = table };
        });
        if (gathered.Answer is { } known)
        {
            return known with { TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 3) };
        }
        var (textsByYear, textsByYearAndType, years, unknownYearParagraphs) = gathered;
        // Confirmations without filters are kept per view too: every year's question confirms many of the same terms.
        var confirmed = answerKey is null ? null : s_confirmed.GetValue(gathered.Table!, _ => new(StringComparer.Ordinal))
            .GetOrAdd(request.MultiYear.ToString(), _ => new ConcurrentDictionary<string, CompareRow>(StringComparer.Ordinal));
        Result<List<CompareRow>> Confirm(List<string> phrases, CompareRequest filters)
        {
            var missing = confirmed is null ? phrases : [.. phrases.Where(p => !confirmed.ContainsKey(p))];
            var rows = new Dictionary<string, CompareRow>(StringComparer.Ordinal);
            if (missing.Count > 0)
            {
                var check = compare(missing, filters);
                if (!check.IsSuccess)
                {
                    return Result<List<CompareRow>>.Fail(check.Problems);
                }
                foreach (var row in check.Value.Rows)
                {
                    rows[row.Phrase] = row;
                    confirmed?.TryAdd(row.Phrase, row);
                }
            }
            return phrases.Select(p => rows.TryGetValue(p, out var row) ? row : confirmed![p]).ToList();
        }

        if (!years.Contains(request.Year))
        {
            return SearchMessages.NoDocumentsOfYear(request.Year, years);
        }
        var since = request.Since ?? years[0];
        if (since > request.Year)
        {
            return SearchMessages.SinceAfterYear(since, request.Year);
        }
        var earlier = years.Where(y => y >= since && y < request.Year).ToList();
        var fromYear = years.Where(y => y >= request.Year).ToList();
        // A filter may leave a year (even the asked one) with no paragraph: it has no texts.
        IEnumerable<DistinctText> Texts(IEnumerable<int> ys) =>
            ys.SelectMany(y => textsByYear.TryGetValue(y, out var texts) ? texts.Values : Enumerable.Empty<DistinctText>());

        // The candidates, ranked: without filters the whole ranking is kept per view, year and first year, and a
        // request takes as many as its limit asks (a ranking cut at N is the first N of the whole one).
        var candidates = 2 * request.Limit + 10;
        var rankKey = answerKey is null ? null : RankKey(request.Year, since, request.MultiYear);
        var rankings = rankKey is null ? null : s_rankings.GetValue(gathered.Table!, _ => new(StringComparer.Ordinal));
        if (rankings is null || !rankings.TryGetValue(rankKey!, out var ranked))
        {
            var count = rankings is null ? candidates : int.MaxValue;
            var appearedAll = Appeared(count, Texts([request.Year]), Texts(earlier));
            // "Gone" is judged against documents of the same type: only earlier documents whose type has one from the year on.
            var typesFromYear = textsByYearAndType.Keys.Where(k => k.Year >= request.Year).Select(k => k.Type).ToHashSet(StringComparer.Ordinal);
            var earlierOfType = new Dictionary<int, Dictionary<TextKey, DistinctText>>();
            foreach (var ((year, type), texts) in textsByYearAndType)
            {
                if (year < request.Year && typesFromYear.Contains(type))
                {
                    foreach (var (key, text) in texts)
                    {
                        AddText(earlierOfType, year, key, text, text.Multiplicity);
                    }
                }
            }
            var disappearedAll = Disappeared(count, earlier, earlierOfType, Texts(fromYear));
            ranked = (appearedAll, disappearedAll);
            rankings?.TryAdd(rankKey!, ranked);
        }
        var (appearedRanked, disappearedRanked) = ranked;
        List<string> appeared = [.. appearedRanked.Take(candidates)];
        List<string> disappeared = [.. disappearedRanked.Take(candidates)];

        // Report only what the engine's own search confirms, with its counts.
        var filters = new CompareRequest { Phrases = [], Filters = kept, MultiYear = request.MultiYear, Caller = request.Caller };
        var confirmedAppeared = new List<AppearedTerm>();
        if (appeared.Count > 0)
        {
            var check = Confirm(appeared, filters);
            if (!check.IsSuccess)
            {
                return Result<NewTermsResult>.Fail(check.Problems);
            }
            foreach (var row in check.Value)
            {
                var cells = row.Cells.Where(c => c.Period is null).ToDictionary(c => c.Year);
                var inYear = cells[request.Year];
                if (inYear.Occurrences > 0 && earlier.All(y => cells[y].Occurrences == 0))
                {
                    confirmedAppeared.Add(new AppearedTerm { Term = UnquoteTerm(row.Phrase), Occurrences = inYear.Occurrences, Paragraphs = inYear.Paragraphs });
                }
            }
        }
        var confirmedDisappeared = new List<DisappearedTerm>();
        if (disappeared.Count > 0)
        {
            var check = Confirm(disappeared, filters);
            if (!check.IsSuccess)
            {
                return Result<NewTermsResult>.Fail(check.Problems);
            }
            foreach (var row in check.Value)
            {
                var cells = row.Cells.Where(c => c.Period is null).ToDictionary(c => c.Year);
                var last = earlier.LastOrDefault(y => cells[y].Occurrences > 0);
                if (last != 0 && fromYear.All(y => cells[y].Occurrences == 0))
                {
                    confirmedDisappeared.Add(new DisappearedTerm
                    {
                        Term = UnquoteTerm(row.Phrase),
                        LastYear = last,
                        Occurrences = cells[last].Occurrences,
                        Paragraphs = cells[last].Paragraphs,
                    });
                }
            }
        }

        var result = new NewTermsResult
        {
            Year = request.Year,
            Since = since,
            EarlierYears = earlier,
            MultiYear = request.MultiYear,
            MultiYearNote = MultiYearModes.Describe(request.MultiYear),
            // Confirmed in the candidates' ranking (a stable sort): equal counts stay in the order of how new their words are.
            Appeared = [.. confirmedAppeared.OrderByDescending(t => t.Occurrences).Take(request.Limit)],
            Disappeared = [.. confirmedDisappeared
                .OrderByDescending(t => t.LastYear).ThenByDescending(t => t.Occurrences).ThenByDescending(t => t.Paragraphs)
                .ThenByDescending(t => t.Term.Length).ThenBy(t => t.Term, StringComparer.Ordinal)
                .Take(request.Limit)],
            UnknownYearParagraphs = unknownYearParagraphs,
            TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 3),
        };
        if (answerKey is not null)
        {
            s_answers.GetValue(gathered.Table!, _ => new(StringComparer.Ordinal)).TryAdd(answerKey, result);
        }
        return result;
    }

    /// <summary>
    /// The distinct texts of each year, and of each year and document type, of <paramref name="table"/> (a caller's
    /// view): in document and paragraph order, whatever order the commit keeps its rows, since a run's words and the
    /// ranking of equal counts come from the texts in the order they are read. Each distinct text is read once.
    /// Without filters they are the commit's per-group texts (<see cref="CommitDigests.TextsOf"/>: summed once per
    /// commit, a view's hidden documents subtracted); with filters, the paragraphs that pass are walked.
    /// </summary>
    private YearTexts Gather(ParagraphTable table, MultiYearMode multiYear, Filters filters)
    {
        if (filters.IsEmpty)
        {
            return GatherGroups(table, multiYear);
        }
        var digests = CommitDigests.For(table);
        var passes = RowFilter(filters, table);
        var columns = YearColumns.Build(table.Documents, multiYear, [], []);
        var read = new Dictionary<TextKey, DistinctText>();
        var textsByYear = new Dictionary<int, Dictionary<TextKey, DistinctText>>();
        var textsByYearAndType = new Dictionary<(int Year, string Type), Dictionary<TextKey, DistinctText>>();
        foreach (var document in table.Documents)
        {
            if (!columns.TryGet(document, out var column))
            {
                continue;
            }
            foreach (var docId in digests.RowsOf(document))
            {
                if (!passes(docId))
                {
                    continue;
                }
                var key = digests.KeyOf(docId);
                if (!read.TryGetValue(key, out var text))
                {
                    read[key] = text = CommitDigests.Read(table[docId]!, _smartCn);
                }
                AddText(textsByYear, column.Year, key, text);
                AddText(textsByYearAndType, (column.Year, document.Type), key, text);
            }
        }
        return new YearTexts(textsByYear, textsByYearAndType, [.. columns.Years.Order()], columns.UnknownYearParagraphs);
    }

    /// <summary>The years of <paramref name="table"/>'s documents in order, and its paragraphs of no year (as <see cref="Gather"/> gives them).</summary>
    private static (List<int> Years, int UnknownYearParagraphs) YearsOf(ParagraphTable table, MultiYearMode multiYear)
    {
        var columns = YearColumns.Build(table.Documents, multiYear, [], []);
        return ([.. columns.Years.Order()], columns.UnknownYearParagraphs);
    }

    private static string RankKey(int year, int since, MultiYearMode multiYear) => $"{year} {since} {multiYear}";

    /// <summary>
    /// Longest ranking the analytics file keeps per list: what a request of <see cref="NewTermsRequest.MaxLimit"/>
    /// takes (a ranking cut at N is the first N of the whole one, so any request takes the same from it).
    /// </summary>
    private const int KeptRanking = 2 * NewTermsRequest.MaxLimit + 10;

    /// <summary>Which views have been given the file's rankings and counts (once each).</summary>
    private static readonly ConditionalWeakTable<ParagraphTable, object> s_seeded = [];

    /// <summary>
    /// Writes the rankings and confirmation counts kept for the whole commit (<paramref name="table"/>, after its
    /// new-terms were asked): each ranking by its key (year, first year, multi-year mode), cut at
    /// <see cref="KeptRanking"/>; each confirmed term's compare row by mode. Only requests without filters keep them.
    /// </summary>
    public static void WriteTo(BinaryWriter writer, ParagraphTable table)
    {
        var rankings = s_rankings.TryGetValue(table, out var r) ? r.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList() : [];
        writer.Write7BitEncodedInt(rankings.Count);
        foreach (var (key, (appeared, disappeared)) in rankings)
        {
            writer.Write(key);
            WriteList(writer, [.. appeared.Take(KeptRanking)]);
            WriteList(writer, [.. disappeared.Take(KeptRanking)]);
        }
        var confirmed = s_confirmed.TryGetValue(table, out var c) ? c.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList() : [];
        writer.Write7BitEncodedInt(confirmed.Count);
        foreach (var (mode, rows) in confirmed)
        {
            writer.Write(mode);
            writer.Write7BitEncodedInt(rows.Count);
            foreach (var (_, row) in rows.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                WriteRow(writer, row);
            }
        }
    }

    /// <summary>Gives a view of the whole commit the rankings and counts its analytics file holds (once; a view that hides documents works its own out).</summary>
    private static void SeedFromFile(ParagraphTable table)
    {
        if (table.Documents.Count != table.AllDocuments.Count)
        {
            return;
        }
        s_seeded.GetValue(table, t =>
        {
            var read = CommitAnalytics.TryRead(t, AnalyticsSection.NewTerms, ReadFrom);
            if (read is not null)
            {
                var rankings = s_rankings.GetValue(t, _ => new(StringComparer.Ordinal));
                foreach (var (key, ranked) in read.Rankings)
                {
                    rankings.TryAdd(key, ranked);
                }
                var confirmed = s_confirmed.GetValue(t, _ => new(StringComparer.Ordinal));
                foreach (var (mode, rows) in read.Confirmed)
                {
                    var of = confirmed.GetOrAdd(mode, _ => new ConcurrentDictionary<string, CompareRow>(StringComparer.Ordinal));
                    foreach (var row in rows)
                    {
                        of.TryAdd(row.Phrase, row);
                    }
                }
            }
            return new object();
        });
    }

    private sealed record FileContent(
        List<(string Key, (List<string> Appeared, List<string> Disappeared) Ranked)> Rankings,
        List<(string Mode, List<CompareRow> Rows)> Confirmed);

    private static FileContent? ReadFrom(BinaryReader reader)
    {
        var rankings = new List<(string, (List<string>, List<string>))>();
        for (var i = reader.Read7BitEncodedInt(); i > 0; i--)
        {
            rankings.Add((reader.ReadString(), (ReadList(reader), ReadList(reader))));
        }
        var confirmed = new List<(string, List<CompareRow>)>();
        for (var i = reader.Read7BitEncodedInt(); i > 0; i--)
        {
            var mode = reader.ReadString();
            var rows = new List<CompareRow>();
            for (var j = reader.Read7BitEncodedInt(); j > 0; j--)
            {
                rows.Add(ReadRow(reader));
            }
            confirmed.Add((mode, rows));
        }
        return new FileContent(rankings, confirmed);
    }

    private static void WriteList(BinaryWriter writer, List<string> list)
    {
        writer.Write7BitEncodedInt(list.Count);
        foreach (var item in list)
        {
            writer.Write(item);
        }
    }

    private static List<string> ReadList(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        var list = new List<string>(Math.Min(Math.Max(count, 0), KeptRanking));
        for (var i = 0; i < count; i++)
        {
            list.Add(reader.ReadString());
        }
        return list;
    }

    private static void WriteRow(BinaryWriter writer, CompareRow row)
    {
        writer.Write(row.Phrase);
        writer.Write(row.Total);
        writer.Write(row.FirstYear ?? int.MinValue);
        writer.Write(row.LastYear ?? int.MinValue);
        writer.Write7BitEncodedInt(row.Cells.Count);
        foreach (var cell in row.Cells)
        {
            writer.Write(cell.Year);
            writer.Write(cell.Period is not null);
            if (cell.Period is not null)
            {
                writer.Write(cell.Period);
            }
            writer.Write(cell.Occurrences);
            writer.Write(cell.Paragraphs);
            writer.Write(cell.Documents);
            writer.Write(cell.Per10k);
            writer.Write(cell.Characters);
        }
    }

    private static CompareRow ReadRow(BinaryReader reader)
    {
        var phrase = reader.ReadString();
        var total = reader.ReadInt32();
        var first = reader.ReadInt32();
        var last = reader.ReadInt32();
        var cells = new CompareCell[reader.Read7BitEncodedInt()];
        for (var i = 0; i < cells.Length; i++)
        {
            var year = reader.ReadInt32();
            var period = reader.ReadBoolean() ? reader.ReadString() : null;
            cells[i] = new CompareCell
            {
                Year = year,
                Period = period,
                Occurrences = reader.ReadInt32(),
                Paragraphs = reader.ReadInt32(),
                Documents = reader.ReadInt32(),
                Per10k = reader.ReadDouble(),
                Characters = reader.ReadInt64(),
            };
        }
        return new CompareRow
        {
            Phrase = phrase,
            Total = total,
            FirstYear = first == int.MinValue ? null : first,
            LastYear = last == int.MinValue ? null : last,
            Cells = cells,
        };
    }

    /// <summary>The texts of <see cref="Gather"/> without filters, from the commit's per-group texts.</summary>
    private YearTexts GatherGroups(ParagraphTable table, MultiYearMode multiYear)
    {
        var digests = CommitDigests.For(table);
        // Membership of a group is a document's own column and type, the same in every view.
        var all = YearColumns.Build(table.AllDocuments, multiYear, [], []);
        var columns = YearColumns.Build(table.Documents, multiYear, [], []);
        Dictionary<TextKey, DistinctText> Texts(string group, Func<DocumentInfo, bool> member)
        {
            var set = digests.TextsOf(table, group, member);
            var texts = new Dictionary<TextKey, DistinctText>(set.Texts.Length);
            for (var i = 0; i < set.Texts.Length; i++)
            {
                var read = digests.TextAt(set.Texts[i], table, _smartCn);
                texts[digests.KeyOfText(set.Texts[i])] = new DistinctText(read.Original, read.Normalized) { Words = read.Words, Multiplicity = set.Paragraphs[i] };
            }
            return texts;
        }
        var textsByYear = new Dictionary<int, Dictionary<TextKey, DistinctText>>();
        var textsByYearAndType = new Dictionary<(int Year, string Type), Dictionary<TextKey, DistinctText>>();
        foreach (var year in columns.Years.Distinct())
        {
            textsByYear[year] = Texts($"new-terms {multiYear} {year}", d => all.TryGet(d, out var c) && c.Year == year);
        }
        var groups = table.Documents.Where(d => columns.TryGet(d, out _)).Select(d => (columns.TryGet(d, out var c) ? c.Year : 0, d.Type)).Distinct();
        foreach (var (year, type) in groups)
        {
            textsByYearAndType[(year, type)] = Texts($"new-terms {multiYear} {year} {type}",
                d => all.TryGet(d, out var c) && c.Year == year && string.Equals(d.Type, type, StringComparison.Ordinal));
        }
        return new YearTexts(textsByYear, textsByYearAndType, [.. columns.Years.Order()], columns.UnknownYearParagraphs);
    }

    /// <summary>
    /// Whether a paragraph passes <paramref name="filters"/>, as search's filters judge it: the facet filters by the
    /// row's ordinals (<see cref="FacetFilter"/>), a heading filter by search's own heading query
    /// (<see cref="HeadingFilter"/>, run once over the commit), so a heading matches here exactly where it matches in
    /// search. The terms' counts come from search with the same filters, so this only chooses where candidates are read.
    /// </summary>
    internal Func<int, bool> RowFilter(Filters filters, ParagraphTable table)
    {
        if (filters.IsEmpty)
        {
            return _ => true;
        }
        var facets = new FacetFilter(new SearchRequest { Query = "*", Filters = filters }, table);
        var underHeading = UnderHeadings(filters.Headings, table);
        return docId => facets.Evaluate(in table.KeysOf(docId), docId) == FacetMask.None && (underHeading is null || underHeading.Get(docId));
    }

    /// <summary>The paragraphs search's heading filter keeps (null: no heading filter), by doc id.</summary>
    private FixedBitSet? UnderHeadings(IReadOnlyList<string> headings, ParagraphTable table)
    {
        var all = new MatchAllDocsQuery();
        var query = HeadingFilter.Apply(all, headings, _smartCn);
        if (ReferenceEquals(query, all) || table.Rows.FirstOrDefault()?.Reader is not { } reader)
        {
            return null;
        }
        var kept = new FixedBitSet(Math.Max(reader.MaxDoc, 1));
        new IndexSearcher(reader).Search(query, new BitsCollector(kept));
        return kept;
    }

    /// <summary>Marks every doc id a query matches.</summary>
    private sealed class BitsCollector(FixedBitSet into) : ICollector
    {
        private int _base;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;

        public void Collect(int doc) => into.Set(_base + doc);
    }

    /// <summary>Adds a paragraph's text under <paramref name="group"/>: repeated paragraphs (headings, boilerplate, copies) are analysed and scanned once.</summary>
    private static void AddText<TGroup>(Dictionary<TGroup, Dictionary<TextKey, DistinctText>> into, TGroup group, TextKey key,
        DistinctText text, int multiplicity = 1)
        where TGroup : notnull
    {
        if (!into.TryGetValue(group, out var texts))
        {
            into[group] = texts = [];
        }
        if (!texts.TryGetValue(key, out var distinct))
        {
            // Each group counts its own multiplicity and marks its own boundaries.
            texts[key] = distinct = new DistinctText(text.Original, text.Normalized) { Words = text.Words };
        }
        distinct.Multiplicity += multiplicity;
    }

    /// <summary>Candidates of the year absent from every earlier year, ranked, as quoted phrases (a few more than the limit, for the check).</summary>
    private List<string> Appeared(int count, IEnumerable<DistinctText> inYear, IEnumerable<DistinctText> before)
    {
        var yearTexts = inYear.ToList();
        var parts = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var candidates = ExtractAll(yearTexts, parts);
        // The words runs are made of are counted too: how familiar a run's words were before ranks equal counts.
        var words = parts.Values.SelectMany(p => p).Where(w => !candidates.ContainsKey(w)).Distinct(StringComparer.Ordinal);
        var counter = new TermCounter([.. candidates.Keys, .. words]);
        var shape = new TermShape(counter.Terms.Count);
        var (occurrences, paragraphs) = counter.Count(yearTexts, shape);
        var (earlierOccurrences, _) = counter.Count(before);
        var earlierByTerm = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < counter.Terms.Count; i++)
        {
            earlierByTerm[counter.Terms[i]] = earlierOccurrences[i];
        }
        var kept = new Dictionary<string, (int Occurrences, int Paragraphs, int Familiarity)>(StringComparer.Ordinal);
        for (var i = 0; i < counter.Terms.Count; i++)
        {
            var term = counter.Terms[i];
            if (candidates.TryGetValue(term, out var word) && earlierOccurrences[i] == 0 && occurrences[i] > 0 && IsWholeTerm(word, occurrences[i], shape, i))
            {
                // A run is as familiar as its least familiar word was before (企业投资: both words everywhere before;
                // 超长期特别国债: a new word in it); a word, as common as it is in general prose (明晰, 房产 more than 扩围).
                var familiarity = parts.TryGetValue(term, out var of)
                    ? of.Length > 0 ? of.Min(w => earlierByTerm.GetValueOrDefault(w)) : 0
                    : TermCandidates.GeneralFrequency(_smartCn, term);
                kept[term] = (occurrences[i], paragraphs[i], familiarity);
            }
        }
        return Maximal(kept, (a, b) =>
        {
            var c = b.Value.Occurrences.CompareTo(a.Value.Occurrences);
            c = c != 0 ? c : a.Value.Familiarity.CompareTo(b.Value.Familiarity);
            c = c != 0 ? c : b.Value.Paragraphs.CompareTo(a.Value.Paragraphs);
            c = c != 0 ? c : b.Key.Length.CompareTo(a.Key.Length);
            return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
        }, v => v.Occurrences, count);
    }

    /// <summary>The candidates of <paramref name="texts"/>, marking each text's word boundaries on the way.</summary>
    private Dictionary<string, bool> ExtractAll(IEnumerable<DistinctText> texts, Dictionary<string, string[]>? parts = null)
    {
        var candidates = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var boundaries = text.Boundaries ?? new bool[text.Normalized.Length + 1];
            TermCandidates.Extract(_smartCn, text.Original, candidates, text.Boundaries is null ? boundaries : null, parts, text.Words);
            text.Boundaries = boundaries;
        }
        return candidates;
    }

    /// <summary>
    /// A candidate a reader takes for a term: every occurrence is whole words (none starts or ends inside a SmartCn
    /// word: 坚持以文 of 坚持以文化人 is cut); a run of several words recurs (a dictionary word may occur once); and
    /// what recurs is not always extended by the same character on one side (区地块 always follows 出让).
    /// </summary>
    private static bool IsWholeTerm(bool word, int occurrences, TermShape shape, int id) =>
        shape.Partial[id] == 0 && (word || occurrences >= 2) && !(occurrences >= 2 && shape.AlwaysExtended(id));

    /// <summary>Candidates of the earlier years absent from the year on, ranked, as quoted phrases.</summary>
    /// <remarks>
    /// A term is gone only when the documents it occurred in have a successor of their own type from the year on: a
    /// term of the annual plans is not gone from a year that has no annual plan yet, only from one whose annual plan
    /// no longer has it. <paramref name="earlierOfType"/> are the earlier texts of the types found from the year on.
    /// </remarks>
    private List<string> Disappeared(int count, List<int> earlier,
        Dictionary<int, Dictionary<TextKey, DistinctText>> earlierOfType, IEnumerable<DistinctText> fromYear)
    {
        if (earlier.Count == 0)
        {
            return [];
        }
        var earlierTexts = earlier.Where(earlierOfType.ContainsKey).SelectMany(y => earlierOfType[y].Values).ToList();
        if (earlierTexts.Count == 0)
        {
            return [];
        }
        var candidates = ExtractAll(earlierTexts);
        var counter = new TermCounter([.. candidates.Keys]);
        var (after, _) = counter.Count(fromYear);
        var shape = new TermShape(counter.Terms.Count);
        counter.Count(earlierTexts, shape);
        var perYear = earlier.Select(y => counter.Count(earlierOfType.TryGetValue(y, out var texts) ? texts.Values : [])).ToList();
        var kept = new Dictionary<string, (int LastYear, int Occurrences, int Paragraphs)>(StringComparer.Ordinal);
        for (var i = 0; i < counter.Terms.Count; i++)
        {
            if (after[i] > 0)
            {
                continue;
            }
            var total = perYear.Sum(c => c.Occurrences[i]);
            var term = counter.Terms[i];
            if (total == 0 || !IsWholeTerm(candidates[term], total, shape, i))
            {
                continue;
            }
            var last = perYear.FindLastIndex(c => c.Occurrences[i] > 0);
            kept[term] = (earlier[last], perYear[last].Occurrences[i], perYear[last].Paragraphs[i]);
        }
        return Maximal(kept, (a, b) =>
        {
            var c = b.Value.LastYear.CompareTo(a.Value.LastYear);
            c = c != 0 ? c : b.Value.Occurrences.CompareTo(a.Value.Occurrences);
            c = c != 0 ? c : b.Value.Paragraphs.CompareTo(a.Value.Paragraphs);
            c = c != 0 ? c : b.Key.Length.CompareTo(a.Key.Length);
            return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
        }, v => ((long)v.LastYear << 32) | (uint)v.Occurrences, count);
    }

    /// <summary>
    /// The first <paramref name="count"/> candidates in <paramref name="order"/> that are not near-duplicates of a
    /// longer one, as quoted phrases. A candidate inside a longer kept candidate whose occurrences
    /// (<paramref name="key"/>'s low 32 bits) are at least half its own is the same term written out more fully
    /// (谱写…新篇章 inside 奋力谱写…新篇章, 提效 inside 加力提效), so only the longest of such a family is reported.
    /// Containment is decided on all kept candidates before the walk, so a longer one ranked lower still covers a
    /// shorter one ranked higher.
    /// </summary>
    private static List<string> Maximal<T>(Dictionary<string, T> kept, Comparison<KeyValuePair<string, T>> order,
        Func<T, long> key, int count)
    {
        var lookup = kept.GetAlternateLookup<ReadOnlySpan<char>>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (term, value) in kept)
        {
            var k = key(value);
            var occurrences = (int)(k & 0xFFFF_FFFF);
            for (var length = 2; length < term.Length; length++)
            {
                for (var start = 0; start + length <= term.Length; start++)
                {
                    if (lookup.TryGetValue(term.AsSpan(start, length), out var inner, out var innerValue)
                        && key(innerValue) >> 32 == k >> 32 && (int)(key(innerValue) & 0xFFFF_FFFF) <= occurrences * 2)
                    {
                        covered.Add(inner);
                    }
                }
            }
        }
        var ranked = new PriorityQueue<KeyValuePair<string, T>, KeyValuePair<string, T>>(Comparer<KeyValuePair<string, T>>.Create(order));
        ranked.EnqueueRange(kept.Where(kv => !covered.Contains(kv.Key)).Select(kv => (kv, kv)));
        var result = new List<string>(Math.Min(count, kept.Count));
        while (result.Count < count && ranked.TryDequeue(out var item, out _))
        {
            result.Add(QuoteTerm(item.Key));
        }
        return result;
    }

    // Candidates are Han characters only, so quoting makes each an exact phrase whatever it reads like.
    private static string QuoteTerm(string term) => "\"" + term + "\"";

    private static string UnquoteTerm(string phrase) => phrase.Length >= 2 && phrase[0] == '"' ? phrase[1..^1] : phrase;

}

/// <summary>The texts new-terms reads from a caller's view: per year, per year and type, the years, and the paragraphs of no year.</summary>
internal sealed record YearTexts(
    Dictionary<int, Dictionary<TextKey, DistinctText>> ByYear,
    Dictionary<(int Year, string Type), Dictionary<TextKey, DistinctText>> ByYearAndType,
    List<int> Years,
    int UnknownYearParagraphs)
{
    /// <summary>The view they were read from.</summary>
    public ParagraphTable? Table { get; init; }

    /// <summary>The answer already worked out for the same request on that view, if any (then the texts are not read).</summary>
    public NewTermsResult? Answer { get; init; }
}
