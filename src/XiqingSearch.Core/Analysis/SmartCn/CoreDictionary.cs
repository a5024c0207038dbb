namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// The word dictionary of <c>coredict.mem</c> (spec §12.3), flattened for fast lookups: a direct 64K table
/// from a character to its row, and per row a sorted run of entries (the words without their first
/// character) stored as slices of one character pool. Immutable after construction.
/// </summary>
internal sealed class CoreDictionary
{
    // §12.3: the hash slots map a character to its row; the spec checks that a plain map over the non-zero
    // slots is equivalent to the double-hashing probe for every character, so a 64K array replaces it.
    private readonly short[] _rowOfChar;

    // Entries of row r are [ _rowStart[r], _rowStart[r+1] ); entry e is _pool[ _entryStart[e] .. _entryStart[e+1] ).
    // A null entry and an empty entry are both stored as an empty slice (§12.3: null equals empty).
    private readonly int[] _rowStart;
    private readonly int[] _entryStart;
    private readonly char[] _pool;
    private readonly int[] _frequencies;

    internal CoreDictionary(short[] rowOfChar, int[] rowStart, int[] entryStart, char[] pool, int[] frequencies)
    {
        if (rowOfChar.Length != 65536 || rowStart.Length < 1 || entryStart.Length != frequencies.Length + 1
            || rowStart[^1] != frequencies.Length || entryStart[^1] != pool.Length)
        {
            throw new InvalidDataException("Inconsistent core dictionary tables.");
        }
        _rowOfChar = rowOfChar;
        _rowStart = rowStart;
        _entryStart = entryStart;
        _pool = pool;
        _frequencies = frequencies;

        // Every Han character starts a lattice scan with Freq([c]) and PrefixMatch([c], 0) (§6); both depend
        // on c alone, so they are computed once here for U+4E00..U+9FA5 (about 2 ms) and looked up after.
        _hanziFrequency = new int[HanziCount];
        _hanziPrefix = new int[HanziCount];
        Span<char> single = stackalloc char[1];
        for (var i = 0; i < HanziCount; i++)
        {
            single[0] = (char)(HanziFirst + i);
            _hanziFrequency[i] = Freq(single);
            _hanziPrefix[i] = PrefixMatch(single, 0);
        }
    }

    private const int HanziFirst = 0x4E00;
    private const int HanziCount = 0x9FA5 - 0x4E00 + 1;
    private readonly int[] _hanziFrequency;
    private readonly int[] _hanziPrefix;

    /// <summary>Freq([c]) for a HANZI unit (§5), from the table built at construction.</summary>
    public int HanziFrequency(char c) => _hanziFrequency[c - HanziFirst];

    /// <summary>PrefixMatch([c], 0) for a HANZI unit (§5), from the table built at construction.</summary>
    public int HanziPrefixMatch(char c) => _hanziPrefix[c - HanziFirst];

    internal short[] RowOfCharTable => _rowOfChar;
    internal int[] RowStarts => _rowStart;
    internal int[] EntryStarts => _entryStart;
    internal char[] Pool => _pool;
    internal int[] Frequencies => _frequencies;

    /// <summary>Builds the flat tables from the four deserialized objects of §12.3.</summary>
    internal static CoreDictionary FromSerialized(short[] slotRow, char[] slotChar, object?[] words, object?[] freqs)
    {
        if (slotRow.Length != slotChar.Length || words.Length != freqs.Length)
        {
            throw new InvalidDataException("Core dictionary arrays have mismatched lengths.");
        }
        var rowOfChar = new short[65536];
        Array.Fill(rowOfChar, (short)-1);
        for (var k = 0; k < slotChar.Length; k++)
        {
            if (slotChar[k] != 0 && slotRow[k] >= 0)
            {
                rowOfChar[slotChar[k]] = slotRow[k];
            }
        }

        var rowCount = words.Length;
        var rowStart = new int[rowCount + 1];
        var entryCount = 0;
        var poolLength = 0;
        for (var r = 0; r < rowCount; r++)
        {
            rowStart[r] = entryCount;
            if (words[r] is object?[] row)
            {
                if (freqs[r] is not int[] rowFreqs || rowFreqs.Length != row.Length)
                {
                    throw new InvalidDataException($"Core dictionary row {r} has no matching frequencies.");
                }
                entryCount += row.Length;
                foreach (var entry in row)
                {
                    poolLength += entry is char[] chars ? chars.Length : 0;
                }
            }
        }
        rowStart[rowCount] = entryCount;

        var entryStart = new int[entryCount + 1];
        var pool = new char[poolLength];
        var frequencies = new int[entryCount];
        var e = 0;
        var p = 0;
        for (var r = 0; r < rowCount; r++)
        {
            if (words[r] is not object?[] row)
            {
                continue;
            }
            var rowFreqs = (int[])freqs[r]!;
            for (var j = 0; j < row.Length; j++)
            {
                entryStart[e] = p;
                if (row[j] is char[] chars)
                {
                    chars.CopyTo(pool, p);
                    p += chars.Length;
                }
                else if (row[j] is not null)
                {
                    throw new InvalidDataException($"Core dictionary row {r} holds a non-char[] entry.");
                }
                frequencies[e] = rowFreqs[j];
                e++;
            }
        }
        entryStart[entryCount] = p;
        return new CoreDictionary(rowOfChar, rowStart, entryStart, pool, frequencies);
    }

    /// <summary>RowOf(c) of §12.3, or −1 when the character has no row.</summary>
    public int RowOf(char c) => _rowOfChar[c];

    /// <summary>Freq(w) of §12.3: the frequency of the word, 0 when it is not in the dictionary.</summary>
    public int Freq(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return 0;
        }
        var row = _rowOfChar[word[0]];
        if (row < 0)
        {
            return 0;
        }
        var rest = word[1..];
        var first = _rowStart[row];
        int lo = 0, hi = _rowStart[row + 1] - first - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var cmp = Compare(Entry(first + mid), rest);
            if (cmp == 0)
            {
                return _frequencies[first + mid];
            }
            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return 0;
    }

    /// <summary>PrefixMatch(w, from) of §12.3: the index (within the row) of the first entry of which
    /// <c>w[1..]</c> is a prefix, or −1. The search runs over <c>[from, len)</c> but the answer may lie
    /// before <paramref name="from"/>, exactly as in Java.</summary>
    public int PrefixMatch(ReadOnlySpan<char> word, int from)
    {
        var row = _rowOfChar[word[0]];
        if (row < 0)
        {
            return -1;
        }
        var rest = word[1..];
        var first = _rowStart[row];
        int lo = from, hi = _rowStart[row + 1] - first - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var cmp = PrefixCompare(rest, Entry(first + mid));
            if (cmp == 0)
            {
                while (mid >= 0 && PrefixCompare(rest, Entry(first + mid)) == 0)
                {
                    mid--;
                }
                return mid + 1;
            }
            if (cmp < 0)
            {
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return -1;
    }

    /// <summary>IsEqual(w, f) of §12.3, and the entry's frequency when it holds (a dictionary word is unique
    /// in its row, so Freq(w) is that entry's frequency).</summary>
    public bool IsEqual(ReadOnlySpan<char> word, int index, out int frequency)
    {
        var row = _rowOfChar[word[0]];
        var e = _rowStart[row] + index;
        if (Compare(Entry(e), word[1..]) == 0)
        {
            frequency = _frequencies[e];
            return true;
        }
        frequency = 0;
        return false;
    }

    private ReadOnlySpan<char> Entry(int e) => _pool.AsSpan(_entryStart[e], _entryStart[e + 1] - _entryStart[e]);

    // Cmp of §12.3: unsigned unit-wise, the shorter sequence first. char comparison in C# is unsigned.
    private static int Compare(ReadOnlySpan<char> x, ReadOnlySpan<char> y) => x.SequenceCompareTo(y);

    // PCmp of §12.3: 0 when target is a prefix of entry; else the lexicographic sign, the target being
    // larger when the entry ends first.
    private static int PrefixCompare(ReadOnlySpan<char> target, ReadOnlySpan<char> entry)
    {
        var n = Math.Min(target.Length, entry.Length);
        for (var i = 0; i < n; i++)
        {
            if (target[i] != entry[i])
            {
                return target[i] < entry[i] ? -1 : 1;
            }
        }
        return target.Length <= entry.Length ? 0 : 1;
    }
}
