using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Engine;

namespace XiqingSearch.Core.Search.Suggestions;

/// <summary>
/// Completions for the search box, computed once per commit (or caller's view) from the build's digests
/// (<see cref="CommitDigests"/>: each distinct paragraph text read once, with the SmartCn words the build stored,
/// counted as often as it occurs): headings, SmartCn
/// words of two or more characters, and character sequences of 2–8 letters or digits that occur at least
/// <see cref="MinNgramCount"/> times, each with its occurrences in the corpus. A lookup is a binary search for
/// the prefix in the sorted texts, then (if the prefix matches fewer than asked) a scan of the entries that
/// contain the query's rarest character, so no lookup walks the whole list.
/// </summary>
internal sealed class SuggestionIndex
{
    private const int MinNgramCount = 3;
    private const int MaxNgram = 8;
    private const int MaxHeading = 40;

    /// <summary>The kinds an entry may have, numbered as the analytics file writes them.</summary>
    private static readonly string[] s_kinds = ["heading", "word", "ngram"];

    // Lazy: a request and the background preparation asking at once wait for one build.
    private static readonly ConditionalWeakTable<ParagraphTable, Lazy<SuggestionIndex>> PerCommit = [];

    /// <summary>Entries sorted by text (ordinal), for prefix lookups.</summary>
    private readonly Suggestion[] _byText;

    /// <summary>For each character asked for, the entries containing it, most frequent first (made on first use).</summary>
    private readonly ConcurrentDictionary<char, Suggestion[]> _byCharacter = new();

    private readonly Lazy<CorpusText[]> _texts;

    private SuggestionIndex(Suggestion[] byText, Func<CorpusText[]> texts)
    {
        _byText = byText;
        _texts = new Lazy<CorpusText[]>(texts);
    }

    public int Count => _byText.Length;

    /// <summary>The distinct normalised paragraph texts of the commit, each with its paragraphs (for corpus phrase counts in hints).</summary>
    public IReadOnlyList<CorpusText> Texts => _texts.Value;

    /// <summary>
    /// The index of <paramref name="table"/> (a commit or a caller's view), made on first use: a view of the whole
    /// commit reads the entries the build wrote with it (<see cref="CommitAnalytics"/>) when there are any; a view
    /// that hides documents works its own out from its texts.
    /// </summary>
    public static SuggestionIndex For(ParagraphTable table, Analyzer smartCn) =>
        PerCommit.GetValue(table, t => new Lazy<SuggestionIndex>(() =>
            (t.Documents.Count == t.AllDocuments.Count ? FromFile(t, smartCn) : null) ?? Build(t, smartCn))).Value;

    /// <summary>The entries the commit's analytics file holds (for the whole commit), or null when it has none that fit.</summary>
    internal static SuggestionIndex? FromFile(ParagraphTable table, Analyzer smartCn) =>
        CommitAnalytics.TryRead(table, AnalyticsSection.Suggestions, r => ReadFrom(r, table, smartCn));

    /// <summary>The index worked out from the commit's texts, never read from the analytics file (what the file is checked against).</summary>
    internal static SuggestionIndex BuildFromTexts(ParagraphTable table, Analyzer smartCn) => Build(table, smartCn);

    /// <summary>Every entry, in text order (what the analytics file holds).</summary>
    internal IReadOnlyList<Suggestion> Entries => _byText;

    /// <summary>Writes the entries in text order: text, occurrences, kind.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(_byText.Length);
        foreach (var entry in _byText)
        {
            writer.Write(entry.Text);
            writer.Write7BitEncodedInt(entry.Occurrences);
            writer.Write((byte)Array.IndexOf(s_kinds, entry.Kind));
        }
    }

    /// <summary>The entries <see cref="WriteTo"/> wrote (null when they are not in text order or name no known kind).</summary>
    // Runs once per commit over the whole section: compiled optimised at once rather than first at the JIT's lowest tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SuggestionIndex? ReadFrom(BinaryReader reader, ParagraphTable table, Analyzer smartCn)
    {
        var count = reader.Read7BitEncodedInt();
        if (count < 0)
        {
            return null;
        }
        var entries = new Suggestion[count];
        for (var i = 0; i < count; i++)
        {
            var text = reader.ReadString();
            var occurrences = reader.Read7BitEncodedInt();
            var kind = reader.ReadByte();
            if (kind >= s_kinds.Length || (i > 0 && string.CompareOrdinal(entries[i - 1].Text, text) >= 0))
            {
                return null;
            }
            entries[i] = new Suggestion(text, occurrences, s_kinds[kind]);
        }
        return new SuggestionIndex(entries, () => CorpusTexts(DistinctTexts(table, smartCn)));
    }

    /// <summary>Up to <paramref name="limit"/> completions: prefix matches by frequency, then other containing entries.</summary>
    public List<Suggestion> Suggest(string query, int limit)
    {
        var key = MatchFolding.Normalize(query);
        var result = new List<Suggestion>(limit);
        if (key.Length == 0 || limit <= 0)
        {
            return result;
        }
        var first = LowerBound(key);
        var prefixed = new List<Suggestion>();
        for (var i = first; i < _byText.Length && _byText[i].Text.StartsWith(key, StringComparison.Ordinal); i++)
        {
            if (_byText[i].Text.Length > key.Length)
            {
                prefixed.Add(_byText[i]);
            }
        }
        prefixed.Sort(ByCompleteness);
        result.AddRange(prefixed.Take(limit));
        if (result.Count < limit)
        {
            Suggestion[]? rarest = null;
            foreach (var c in key)
            {
                var list = Containing(c);
                if (list.Length == 0)
                {
                    return result;
                }
                if (rarest is null || list.Length < rarest.Length)
                {
                    rarest = list;
                }
            }
            foreach (var entry in rarest!)
            {
                if (entry.Text.Length > key.Length && !entry.Text.StartsWith(key, StringComparison.Ordinal)
                    && entry.Text.Contains(key, StringComparison.Ordinal))
                {
                    result.Add(entry);
                    if (result.Count == limit)
                    {
                        break;
                    }
                }
            }
        }
        return result;
    }

    /// <summary>The entries containing <paramref name="c"/>, most frequent first: one pass over the entries the first time a character is asked for.</summary>
    private Suggestion[] Containing(char c) => _byCharacter.GetOrAdd(c, EntriesContaining);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Suggestion[] EntriesContaining(char c)
    {
        var list = new List<Suggestion>();
        foreach (var entry in _byText)
        {
            if (entry.Text.Contains(c, StringComparison.Ordinal))
            {
                list.Add(entry);
            }
        }
        list.Sort(ByFrequency);
        return [.. list];
    }

    /// <summary>Headings and dictionary words (complete units) before sequences of words, then most frequent first.</summary>
    private static int ByCompleteness(Suggestion a, Suggestion b)
    {
        var order = (a.Kind == "ngram").CompareTo(b.Kind == "ngram");
        return order != 0 ? order : ByFrequency(a, b);
    }

    private static int ByFrequency(Suggestion a, Suggestion b)
    {
        var order = b.Occurrences.CompareTo(a.Occurrences);
        return order != 0 ? order : string.CompareOrdinal(a.Text, b.Text);
    }

    private int LowerBound(string key)
    {
        int lo = 0, hi = _byText.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_byText[mid].Text, key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private static SuggestionIndex Build(ParagraphTable table, Analyzer smartCn)
    {
        var texts = DistinctTexts(table, smartCn);
        var ngrams = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = ngrams.GetAlternateLookup<ReadOnlySpan<char>>();
        // Sequences that start and end on SmartCn word boundaries (天开西青园, never 设天开 of 建设天开), with how
        // often they occur so; every sequence's occurrences anywhere are counted for the figures shown.
        var whole = new Dictionary<string, (int Count, char Left, char Right)>(StringComparer.Ordinal);
        var wholeLookup = whole.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<string>();
        foreach (var (read, _, count) in texts)
        {
            var text = read.Normalized;
            var tokens = read.Words!;
            var boundaries = new bool[text.Length + 1];
            TermCandidates.MarkBoundaries(read.Original, tokens, boundaries);
            foreach (var (start, end) in tokens)
            {
                // The text as written (SmartCn lower-cases and stems Latin); two or more ideographs, letters or digits.
                var word = MatchFolding.Normalize(read.Original.AsSpan(start, end - start));
                if (word.Length >= 2 && word.All(char.IsLetterOrDigit))
                {
                    words.Add(word);
                }
            }
            for (var i = 0; i < text.Length; i++)
            {
                for (var n = 2; n <= MaxNgram && i + n <= text.Length && char.IsLetterOrDigit(text[i + n - 1]); n++)
                {
                    if (!char.IsLetterOrDigit(text[i]))
                    {
                        break;
                    }
                    var span = text.AsSpan(i, n);
                    lookup[span] = lookup.TryGetValue(span, out var seen) ? seen + count : count;
                    if (boundaries[i] && boundaries[i + n])
                    {
                        wholeLookup.TryGetValue(span, out var w);
                        wholeLookup[span] = (w.Count + count, Merge(w.Left, i > 0 ? text[i - 1] : ' '), Merge(w.Right, i + n < text.Length ? text[i + n] : ' '));
                    }
                }
            }
        }
        int Occurrences(string phrase)
        {
            if (phrase.Length <= MaxNgram && ngrams.TryGetValue(phrase, out var found))
            {
                return found;
            }
            var total = 0;
            foreach (var (read, _, count) in texts)
            {
                var text = read.Normalized;
                for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
                {
                    total += count;
                }
            }
            return total;
        }

        var entries = new Dictionary<string, Suggestion>(StringComparer.Ordinal);
        void Add(string text, string kind)
        {
            if (text.Length >= 2 && !entries.ContainsKey(text))
            {
                var occurrences = Occurrences(text);
                if (occurrences > 0)
                {
                    entries[text] = new Suggestion(text, occurrences, kind);
                }
            }
        }
        foreach (var (read, heading, _) in texts)
        {
            if (heading && read.Normalized.Length <= MaxHeading)
            {
                Add(read.Normalized.TrimEnd('。', ':', '：'), "heading");
            }
        }
        foreach (var word in words)
        {
            Add(word, "word");
        }
        foreach (var (text, seen) in whole)
        {
            // A sequence that is always the start or end of the same longer one (天开西青 of 天开西青园) is offered
            // only as that longer one: the fragment completes nothing the longer one does not.
            if (seen.Count >= MinNgramCount && !entries.ContainsKey(text) && !AlwaysInside(seen))
            {
                entries[text] = new Suggestion(text, ngrams[text], "ngram");
            }
        }
        var corpusTexts = CorpusTexts(texts);
        return new SuggestionIndex([.. entries.Values.OrderBy(e => e.Text, StringComparer.Ordinal)], () => corpusTexts);
    }

    private static CorpusText[] CorpusTexts(List<(DistinctText Text, bool Heading, int Count)> texts) =>
        [.. texts.Select(t => new CorpusText(t.Text.Normalized, t.Count))];

    /// <summary>
    /// The distinct texts of the view's paragraphs in document and paragraph order, each read once, with whether
    /// some paragraph holding it is a heading and how many paragraphs hold it: the commit's texts, summed once per
    /// commit, with a view's hidden documents subtracted (<see cref="CommitDigests.TextsOf"/>).
    /// </summary>
    private static List<(DistinctText Text, bool Heading, int Count)> DistinctTexts(ParagraphTable table, Analyzer smartCn)
    {
        var digests = CommitDigests.For(table);
        var set = digests.TextsOf(table, "all", _ => true);
        var texts = new List<(DistinctText Text, bool Heading, int Count)>(set.Texts.Length);
        for (var i = 0; i < set.Texts.Length; i++)
        {
            texts.Add((digests.TextAt(set.Texts[i], table, smartCn), set.Headings[i] > 0, set.Paragraphs[i]));
        }
        return texts;
    }

    // A neighbour that is no letter or digit (punctuation, the paragraph's edge) closes a sequence on that side.
    private const char Unseen = '\0';
    private const char Varied = '\uFFFF';

    private static char Merge(char seen, char neighbour) =>
        !char.IsLetterOrDigit(neighbour) ? Varied : seen == Unseen ? neighbour : seen == neighbour ? seen : Varied;

    /// <summary>True when the same character stands before, or after, every whole-word occurrence.</summary>
    private static bool AlwaysInside((int Count, char Left, char Right) seen) =>
        seen.Left is not Unseen and not Varied || seen.Right is not Unseen and not Varied;
}

/// <summary>A distinct normalised paragraph text and how many paragraphs hold it.</summary>
internal readonly record struct CorpusText(string Text, int Paragraphs);
