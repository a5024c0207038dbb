namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// The word-pair frequencies of <c>bigramdict.mem</c> (spec §12.4): an open-addressing table of 64-bit
/// FNV hashes of <c>left@right</c> and their frequencies. The strings themselves are not stored.
/// Immutable after construction.
/// </summary>
internal sealed class BigramDictionary
{
    internal const long FnvOffset = unchecked((long)0xCBF29CE484222325UL);
    internal const long FnvPrime = 1099511628211L;
    internal const int GInitial = 5381;

    private readonly long[] _table;
    private readonly int[] _frequencies;

    internal BigramDictionary(long[] table, int[] frequencies)
    {
        if (table.Length != frequencies.Length || table.Length == 0)
        {
            throw new InvalidDataException("Bigram dictionary arrays have mismatched lengths.");
        }
        _table = table;
        _frequencies = frequencies;
    }

    internal long[] Table => _table;
    internal int[] Frequencies => _frequencies;

    /// <summary>Continues the two hashes of §12.4 over <paramref name="units"/>.</summary>
    public static void Hash(ReadOnlySpan<char> units, ref long h, ref int g)
    {
        unchecked
        {
            foreach (var d in units)
            {
                h = (h ^ (d & 0xFF)) * FnvPrime;
                h = (h ^ (d >> 8)) * FnvPrime;
                g = ((g * 33) + d) & 0xFF;
                g = ((g * 33) + d) >> 8;
            }
        }
    }

    /// <summary>Continues the two hashes of §12.4 over one unit.</summary>
    public static void Hash(char d, ref long h, ref int g)
    {
        unchecked
        {
            h = (h ^ (d & 0xFF)) * FnvPrime;
            h = (h ^ (d >> 8)) * FnvPrime;
            g = ((g * 33) + d) & 0xFF;
            g = ((g * 33) + d) >> 8;
        }
    }

    /// <summary>BigramFreq of §12.4 for the key whose hashes are <paramref name="h"/> and <paramref name="g"/>.</summary>
    public int Frequency(long h, int g)
    {
        var p = _table.Length;
        // §12.4: the remainder of the SIGNED 64-bit hash; C#'s % has Java's sign rule.
        var h1 = (int)(h % p);
        if (h1 < 0)
        {
            h1 += p;
        }
        var h2 = g % p;
        if (h2 == 0)
        {
            // §12.4 pitfall: the probe never moves; Java's long spin ends with "found iff table[h1] == H".
            return _table[h1] == h ? _frequencies[h1] : 0;
        }
        long k = h1;
        var i = 1;
        while (_table[k] != 0 && _table[k] != h && i < p)
        {
            k = (h1 + ((long)i * h2)) % p;
            i++;
        }
        return i < p && _table[k] == h ? _frequencies[k] : 0;
    }

    /// <summary>BigramFreq of a whole key such as <c>中国@人民</c>.</summary>
    public int Frequency(ReadOnlySpan<char> key)
    {
        var h = FnvOffset;
        var g = GInitial;
        Hash(key, ref h, ref g);
        return Frequency(h, g);
    }
}
