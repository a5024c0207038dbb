namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// Segments one sentence: builds the word lattice (spec §6), weights its edges with the bigram dictionary
/// (§7), takes the cheapest path (§8) and writes the normalised tokens (§9). One instance per tokenizer; the
/// lattice arrays are reused from sentence to sentence, so steady-state segmentation allocates nothing.
/// </summary>
internal sealed class HhmmSegmenter
{
    // §7 constants. MaxFrequency = 2079997 + 80000.
    private const double MaxFrequency = 2159997.0;
    private const double Smoothing = 0.1;
    private const double Tiny = 1.0 / 2159997;

    // The special keys sit at fixed places at the start of the key pool (§6).
    private const int StringKey = 0, NumberKey = 4, BeginKey = 8, EndKey = 12, SpecialKeysLength = 16;
    private const string SpecialKeyText = SpecialKeys.String + SpecialKeys.Number + SpecialKeys.Begin + SpecialKeys.End;

    private readonly CoreDictionary _core;
    private readonly BigramDictionary _bigram;
    private readonly SmartCnDictionary _dictionary;
    private readonly int _stringFrequency;
    private readonly int _numberFrequency;
    private readonly int _beginFrequency;
    private readonly int _endFrequency;

    // Lattice tokens, in index order (§7): ascending start, insertion order within a start.
    private int _count;
    private int[] _start = new int[256];
    private int[] _end = new int[256];
    private TokenKind[] _kind = new TokenKind[256];
    private int[] _frequency = new int[256];
    private int[] _keyStart = new int[256];
    private int[] _keyLength = new int[256];
    private double[] _cost = new double[256];
    private int[] _previous = new int[256];
    private int[] _path = new int[256];
    private char[] _keys = new char[1024];
    private int _keysLength;

    // Per lattice position: the first token starting there (−1 if none) and how many; and the smallest
    // start ≥ the position at which tokens begin.
    private int[] _groupFirst = new int[1026];
    private int[] _groupCount = new int[1026];
    private int[] _nextStart = new int[1026];
    private char[] _word = new char[64];

    private const int WeightCacheMask = (1 << 14) - 1;
    private readonly WeightCacheEntry[] _weightCache = new WeightCacheEntry[WeightCacheMask + 1];

    private readonly record struct WeightCacheEntry(long Hash, int G, int LeftFrequency, double Weight, bool IsSet);

    public HhmmSegmenter(SmartCnDictionary dictionary)
    {
        _core = dictionary.Core;
        _bigram = dictionary.Bigram;
        _dictionary = dictionary;
        _stringFrequency = dictionary.StringFrequency;
        _numberFrequency = dictionary.NumberFrequency;
        _beginFrequency = dictionary.BeginFrequency;
        _endFrequency = dictionary.EndFrequency;
        SpecialKeyText.CopyTo(_keys);
    }

    /// <summary>Segments <paramref name="sentence"/> and appends its tokens, with offsets shifted by
    /// <paramref name="baseOffset"/>, to <paramref name="output"/>.</summary>
    public void Segment(ReadOnlySpan<char> sentence, int baseOffset, SegmentedText output)
    {
        BuildLattice(sentence);
        ShortestPath(sentence.Length);
        Emit(sentence, baseOffset, output);
    }

    // §6: scan the sentence and add lattice tokens.
    private void BuildLattice(ReadOnlySpan<char> s)
    {
        var n = s.Length;
        _count = 0;
        _keysLength = SpecialKeysLength;
        EnsurePositions(n);
        _groupFirst.AsSpan(0, n + 1).Fill(-1);
        _groupCount.AsSpan(0, n + 1).Clear();

        AddToken(-1, 0, TokenKind.Begin, _beginFrequency, BeginKey, 4);
        var i = 0;
        while (i < n)
        {
            var type = CharType.Of(s[i]);
            switch (type)
            {
                case CharType.SpaceLike:
                    i++;
                    break;
                case CharType.Hanzi:
                    AddHanziWords(s, i);
                    i++;
                    break;
                case CharType.Letter:
                case CharType.FullWidthLetter:
                case CharType.Digit:
                case CharType.FullWidthDigit:
                    {
                        // A maximal run of half- and full-width letters (or digits) is one token.
                        var isLetter = type is CharType.Letter or CharType.FullWidthLetter;
                        var isFullWidth = false;
                        var j = i;
                        while (j < n)
                        {
                            var t = CharType.Of(s[j]);
                            if (isLetter ? t is not (CharType.Letter or CharType.FullWidthLetter)
                                         : t is not (CharType.Digit or CharType.FullWidthDigit))
                            {
                                break;
                            }
                            isFullWidth |= t is CharType.FullWidthLetter or CharType.FullWidthDigit;
                            j++;
                        }
                        if (isLetter)
                        {
                            AddToken(i, j, isFullWidth ? TokenKind.FullWidthString : TokenKind.String, _stringFrequency, StringKey, 4);
                        }
                        else
                        {
                            AddToken(i, j, isFullWidth ? TokenKind.FullWidthNumber : TokenKind.Number, _numberFrequency, NumberKey, 4);
                        }
                        i = j;
                        break;
                    }
                case CharType.Delimiter:
                    {
                        // The key is the unit as the dictionary source spells Java's (the package stores · and —
                        // under other units); the text comes from the sentence, never from a DELIM key.
                        var key = _dictionary.SingleUnitKey(s[i]);
                        AddToken(i, i + 1, TokenKind.Delimiter, (int)MaxFrequency, AppendKey(new ReadOnlySpan<char>(in key)), 1);
                    }
                    i++;
                    break;
                case CharType.Surrogate:
                    {
                        // A valid pair is one WORD of frequency 0; a lone or split surrogate is one unit.
                        var width = char.IsHighSurrogate(s[i]) && i + 1 < n && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
                        AddToken(i, i + width, TokenKind.Word, 0, AppendKey(s.Slice(i, width)), width);
                        i += width;
                        break;
                    }
                default:
                    AddToken(i, i + 1, TokenKind.String, _stringFrequency, StringKey, 4);
                    i++;
                    break;
            }
        }
        AddToken(n, n + 1, TokenKind.End, _endFrequency, EndKey, 4);
    }

    // §6 HANZI: the single character always, then every longer dictionary word starting at i; words may
    // span SPACE_LIKE units (the key leaves them out, the offsets keep them).
    private void AddHanziWords(ReadOnlySpan<char> s, int i)
    {
        var n = s.Length;
        if (_word.Length < n)
        {
            Array.Resize(ref _word, Math.Max(n, _word.Length * 2));
        }
        var word = _word;
        word[0] = s[i];
        var length = 1;
        // The single character's key as the source spells Java's (Emit takes a one-unit word's text from the
        // sentence, so the key only steers bigram lookups).
        var single = _dictionary.SingleUnitKey(s[i]);
        AddToken(i, i + 1, TokenKind.Word, _core.HanziFrequency(s[i]), AppendKey(new ReadOnlySpan<char>(in single)), 1);
        var f = _core.HanziPrefixMatch(s[i]);
        var j = i + 1;
        while (f != -1)
        {
            if (length > 1 && _core.IsEqual(word.AsSpan(0, length), f, out var frequency))
            {
                AddToken(i, j, TokenKind.Word, frequency, AppendKey(word.AsSpan(0, length)), length);
            }
            while (j < n && CharType.Of(s[j]) == CharType.SpaceLike)
            {
                j++;
            }
            if (j < n && CharType.Of(s[j]) == CharType.Hanzi)
            {
                word[length++] = s[j];
                f = _core.PrefixMatch(word.AsSpan(0, length), f);
                j++;
            }
            else
            {
                break;
            }
        }
    }

    // §7 and §8 together: relaxing the edges of each token in index order visits every token's incoming
    // edges in increasing source index, and a source's cost is final before its edges are relaxed (all its
    // incoming edges come from smaller indices). With strict < this keeps the smaller source on ties,
    // exactly as Java's per-target loop does.
    private void ShortestPath(int n)
    {
        // Smallest start ≥ p at which tokens begin; END begins at n, so one always exists.
        _nextStart[n] = n;
        for (var p = n - 1; p >= 0; p--)
        {
            _nextStart[p] = _groupCount[p] > 0 ? p : _nextStart[p + 1];
        }

        var count = _count;
        var cost = _cost;
        cost.AsSpan(0, count).Fill(double.MaxValue);
        cost[0] = 0;
        _previous[0] = -1;
        var keys = _keys;
        for (var j = 0; j < count - 1; j++)
        {
            // Hashes of "key(j)@", continued below over key(t2) for each edge (§12.4).
            var h0 = BigramDictionary.FnvOffset;
            var g0 = BigramDictionary.GInitial;
            BigramDictionary.Hash(keys.AsSpan(_keyStart[j], _keyLength[j]), ref h0, ref g0);
            BigramDictionary.Hash('@', ref h0, ref g0);

            var f = _frequency[j];
            var costJ = cost[j];

            var p = _nextStart[_end[j]];
            var first = _groupFirst[p];
            var last = first + _groupCount[p];
            for (var k = first; k < last; k++)
            {
                var h = h0;
                var g = g0;
                BigramDictionary.Hash(keys.AsSpan(_keyStart[k], _keyLength[k]), ref h, ref g);
                var candidate = costJ + CachedWeight(f, h, g);
                if (candidate < cost[k])
                {
                    cost[k] = candidate;
                    _previous[k] = j;
                }
            }
        }
    }

    // The weight depends only on (F, H, G): the source frequency and the pair key's two hashes, so a small
    // direct-mapped cache keyed on all three gives exactly the computed value and skips the probe into the
    // 3 MB bigram table (a cache miss or more) and the log on the frequent pairs. Per instance, so no locking.
    private double CachedWeight(int leftFrequency, long h, int g)
    {
        var slot = (int)((ulong)(h ^ (h >>> 29) ^ leftFrequency) & WeightCacheMask);
        ref var entry = ref _weightCache[slot];
        if (entry.Hash == h && entry.G == g && entry.LeftFrequency == leftFrequency && entry.IsSet)
        {
            return entry.Weight;
        }
        var weight = EdgeWeight(leftFrequency, _bigram.Frequency(h, g));
        entry = new WeightCacheEntry(h, g, leftFrequency, weight, IsSet: true);
        return weight;
    }

    /// <summary>The §7 weight of an edge whose source has frequency <paramref name="leftFrequency"/> and whose
    /// word pair has bigram frequency <paramref name="pairFrequency"/>, evaluated in IEEE double in exactly the
    /// spec's order (no FMA; Math.Log is glibc's log on Linux, bit-identical to Java's Math.log, §13).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static double EdgeWeight(int leftFrequency, int pairFrequency)
    {
        var onePlusF = 1.0 + leftFrequency;
        var a = Smoothing * onePlusF;
        a /= MaxFrequency;
        var b = (1.0 - Tiny) * pairFrequency;
        b /= onePlusF;
        b += Tiny;
        var c = (1.0 - Smoothing) * b;
        return -Math.Log(a + c);
    }

    // §8 path walk and §9 text: follow the predecessors back from END, then write the tokens in order.
    private void Emit(ReadOnlySpan<char> s, int baseOffset, SegmentedText output)
    {
        var length = 0;
        for (var k = _previous[_count - 1]; k > 0; k = _previous[k])
        {
            _path[length++] = k;
        }
        for (var index = length - 1; index >= 0; index--)
        {
            var k = _path[index];
            var start = _start[k];
            var end = _end[k];
            switch (_kind[k])
            {
                case TokenKind.Delimiter:
                    // §9/§11: every punctuation token becomes "," and the stop filter removes it.
                    output.AddRemoved();
                    break;
                case TokenKind.Word when end - start == 1:
                    // A one-unit word is its unit (its key may be the dictionary's spelling of it).
                    output.Add(start + baseOffset, end + baseOffset, 1)[0] = s[start];
                    break;
                case TokenKind.Word:
                    _keys.AsSpan(_keyStart[k], _keyLength[k]).CopyTo(output.Add(start + baseOffset, end + baseOffset, _keyLength[k]));
                    break;
                case TokenKind.FullWidthString:
                case TokenKind.FullWidthNumber:
                    {
                        var text = output.Add(start + baseOffset, end + baseOffset, end - start);
                        for (var u = 0; u < text.Length; u++)
                        {
                            var c = s[start + u];
                            if (c >= '\uFF10')
                            {
                                c = (char)(c - 0xFEE0);
                            }
                            text[u] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                        }
                        break;
                    }
                default:
                    {
                        // STRING and NUMBER: the original units, ASCII upper case folded (§9).
                        var text = output.Add(start + baseOffset, end + baseOffset, end - start);
                        for (var u = 0; u < text.Length; u++)
                        {
                            var c = s[start + u];
                            text[u] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                        }
                        break;
                    }
            }
        }
    }

    private int AppendKey(ReadOnlySpan<char> key)
    {
        if (_keysLength + key.Length > _keys.Length)
        {
            Array.Resize(ref _keys, Math.Max(_keys.Length * 2, _keysLength + key.Length));
        }
        var at = _keysLength;
        key.CopyTo(_keys.AsSpan(at));
        _keysLength += key.Length;
        return at;
    }

    private void AddToken(int start, int end, TokenKind kind, int frequency, int keyStart, int keyLength)
    {
        if (_count == _start.Length)
        {
            var size = _count * 2;
            Array.Resize(ref _start, size);
            Array.Resize(ref _end, size);
            Array.Resize(ref _kind, size);
            Array.Resize(ref _frequency, size);
            Array.Resize(ref _keyStart, size);
            Array.Resize(ref _keyLength, size);
            Array.Resize(ref _cost, size);
            Array.Resize(ref _previous, size);
            Array.Resize(ref _path, size);
        }
        var index = _count++;
        _start[index] = start;
        _end[index] = end;
        _kind[index] = kind;
        _frequency[index] = frequency;
        _keyStart[index] = keyStart;
        _keyLength[index] = keyLength;
        if (start >= 0)
        {
            if (_groupCount[start]++ == 0)
            {
                _groupFirst[start] = index;
            }
        }
    }

    private void EnsurePositions(int n)
    {
        if (_groupFirst.Length < n + 2)
        {
            var size = Math.Max(n + 2, _groupFirst.Length * 2);
            _groupFirst = new int[size];
            _groupCount = new int[size];
            _nextStart = new int[size];
        }
    }
}
