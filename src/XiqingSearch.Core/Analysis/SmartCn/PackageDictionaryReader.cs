using System.Buffers.Binary;
using System.Reflection;
using System.Runtime.InteropServices;

namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// Reads the SmartCn dictionaries embedded in the <c>Lucene.Net.Analysis.SmartCn</c> package. They are the same
/// data as the jar's <c>coredict.mem</c> and <c>bigramdict.mem</c> (spec §12.3, §12.4), written by .NET's
/// <see cref="BinaryWriter"/> instead of Java serialization: little-endian integers, every <c>char</c> as its
/// UTF-8 bytes (one to three), and each nested array as its length (−1 for null) followed by its items.
/// </summary>
internal static class PackageDictionaryReader
{
    /// <summary>The resource names inside the package assembly.</summary>
    internal const string CoreResource = "Lucene.Net.Analysis.SmartCn.Hhmm.coredict.mem";
    internal const string BigramResource = "Lucene.Net.Analysis.SmartCn.Hhmm.bigramdict.mem";
    internal const string StopwordsResource = "Lucene.Net.Analysis.SmartCn.stopwords.txt";

    /// <summary>
    /// Units that Java's GB2312 decoder (which made the jar's files) and .NET's (which made the package's from the
    /// same <c>.dct</c> sources) decode differently: GB2312 A1A4 is U+30FB in Java and U+00B7 in .NET, A1AA is U+2015
    /// and U+2014. Java unit → package unit.
    /// </summary>
    internal static readonly IReadOnlyDictionary<char, char> JavaToPackage = new Dictionary<char, char>
    {
        ['\u30FB'] = '\u00B7',
        ['\u2015'] = '\u2014',
    };

    /// <summary>Units the package's data holds where Java's decoder gave U+FFFD: bytes outside GB2312 that .NET
    /// decoded as GBK (緒 珮 豊 镕) and the two undefined codes of rows 5165–5166 (private-use units).</summary>
    internal static readonly char[] JavaUndecodable = ['\u7DD2', '\u73EE', '\u8C4A', '\u9555', '\uE810', '\uE811'];

    // The package unit → the unit Java Lucene's data has in its place.
    private static readonly Dictionary<char, char> s_packageToJava =
        JavaToPackage.Select(p => KeyValuePair.Create(p.Value, p.Key))
            .Concat(JavaUndecodable.Select(u => KeyValuePair.Create(u, '\uFFFD')))
            .ToDictionary();

    // Bigram keys of one unit, as the package's bigram table spells what Java's table holds (§6: a DELIM token's
    // key is its unit; a single HANZI's key is itself). A Java unit maps to .NET's decoding of the same bytes; a
    // unit .NET produced where Java never does maps to a unit the package's table lacks (Java's own spelling, or
    // U+FFFD), so it finds nothing, as in Java. Longer keys are dictionary words, which the core fix-up below
    // already spells as Java does, so they need no mapping.
    private static readonly IReadOnlyDictionary<char, char> s_singleUnitKeys =
        JavaToPackage.Concat(JavaToPackage.Select(p => KeyValuePair.Create(p.Value, p.Key)))
            .Concat(JavaUndecodable.Select(u => KeyValuePair.Create(u, '\uFFFD')))
            .ToDictionary();

    /// <summary>The assembly that embeds the dictionaries. Naming one of its types is enough to load it; nothing
    /// of it runs.</summary>
    internal static Assembly PackageAssembly => typeof(Lucene.Net.Analysis.Cn.Smart.SmartChineseAnalyzer).Assembly;

    /// <summary>A description of the source for messages, e.g. "Lucene.Net.Analysis.SmartCn 4.8.0-beta00017".</summary>
    internal static string Description
    {
        get
        {
            var assembly = PackageAssembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                          ?? assembly.GetName().Version?.ToString() ?? "?";
            // The informational version may carry "+commit"; the package version is what people look up.
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return $"{assembly.GetName().Name} {(plus < 0 ? version : version[..plus])} package";
        }
    }

    /// <summary>Parses both dictionaries from the package's resources.</summary>
    /// <exception cref="InvalidDataException">A resource is missing or does not have the expected layout.</exception>
    public static SmartCnDictionary Read()
    {
        var core = ReadCore(ReadResource(CoreResource));
        BigramDictionary bigram;
        using (var stream = OpenResource(BigramResource))
        {
            bigram = ReadBigram(stream);
        }
        return new SmartCnDictionary(core, bigram, s_singleUnitKeys);
    }

    /// <summary>The lines of the package's <c>stopwords.txt</c> (UTF-8), as §11 reads them.</summary>
    public static IReadOnlyList<string> ReadStopwordLines()
    {
        using var reader = new StreamReader(OpenResource(StopwordsResource), new System.Text.UTF8Encoding(false, true));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }

    private static Stream OpenResource(string name) =>
        PackageAssembly.GetManifestResourceStream(name)
        ?? throw new InvalidDataException($"The package assembly has no resource {name}.");

    private static byte[] ReadResource(string name)
    {
        using var stream = OpenResource(name);
        var bytes = new byte[checked((int)stream.Length)];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Parses the core dictionary layout: short[] slot rows, char[] slot characters, char[][][] words
    /// and int[][] frequencies (§12.3's four objects), straight into the flat tables.</summary>
    internal static CoreDictionary ReadCore(byte[] bytes)
    {
        var reader = new LayoutReader(bytes);
        var slotRow = new short[reader.ReadLength()];
        for (var i = 0; i < slotRow.Length; i++)
        {
            slotRow[i] = reader.ReadInt16();
        }
        var slotChar = new char[reader.ReadLength()];
        for (var i = 0; i < slotChar.Length; i++)
        {
            slotChar[i] = reader.ReadChar();
        }
        if (slotRow.Length != slotChar.Length)
        {
            throw new InvalidDataException("Core dictionary slot tables have mismatched lengths.");
        }
        var rowOfChar = new short[65536];
        Array.Fill(rowOfChar, (short)-1);
        for (var k = 0; k < slotChar.Length; k++)
        {
            if (slotChar[k] != 0 && slotRow[k] >= 0)
            {
                // Java's decoding: the rows of the two undefined codes both belong to U+FFFD, and Java's table
                // gives it the later one.
                var unit = s_packageToJava.GetValueOrDefault(slotChar[k], slotChar[k]);
                rowOfChar[unit] = unit == '\uFFFD' ? Math.Max(rowOfChar[unit], slotRow[k]) : slotRow[k];
            }
        }

        // Words: a null row and an empty row both hold no entries; a null word is an empty slice (§12.3).
        var rowCount = reader.ReadLength();
        var rowStart = new int[rowCount + 1];
        var rowIsNull = new bool[rowCount];
        var entryStart = new List<int>(capacity: 350_000);
        var pool = new List<char>(capacity: 700_000);
        for (var r = 0; r < rowCount; r++)
        {
            rowStart[r] = entryStart.Count;
            var entries = reader.ReadInt32();
            if (entries < 0)
            {
                rowIsNull[r] = true;
                continue;
            }
            for (var j = 0; j < entries; j++)
            {
                entryStart.Add(pool.Count);
                var length = reader.ReadInt32();
                for (var k = 0; k < length; k++)
                {
                    pool.Add(reader.ReadChar());
                }
            }
        }
        rowStart[rowCount] = entryStart.Count;
        entryStart.Add(pool.Count);

        if (reader.ReadInt32() != rowCount)
        {
            throw new InvalidDataException("Core dictionary word and frequency tables have mismatched row counts.");
        }
        var frequencies = new int[rowStart[rowCount]];
        for (var r = 0; r < rowCount; r++)
        {
            var count = reader.ReadInt32();
            var expected = rowStart[r + 1] - rowStart[r];
            if (rowIsNull[r])
            {
                // A row without words ignores its frequencies, as the jar's reader does.
                reader.Skip(Math.Max(count, 0) * 4L);
                continue;
            }
            if (count != expected)
            {
                throw new InvalidDataException($"Core dictionary row {r} has no matching frequencies.");
            }
            for (var j = 0; j < count; j++)
            {
                frequencies[rowStart[r] + j] = reader.ReadInt32();
            }
        }
        if (!reader.AtEnd)
        {
            throw new InvalidDataException("Unexpected bytes after the core dictionary tables.");
        }
        var entryStarts = entryStart.ToArray();
        var units = pool.ToArray();
        SpellAsJava(rowStart, entryStarts, units, frequencies);
        return new CoreDictionary(rowOfChar, rowStart, entryStarts, units, frequencies);
    }

    /// <summary>Rewrites the few units .NET decoded differently as Java decoded them, and re-sorts the rows that
    /// held them (a row's entries are sorted by unit, §12.3), so every entry equals the jar's: a word such as
    /// 朱镕基 that Java's dictionary cannot hold is not found either.</summary>
    private static void SpellAsJava(int[] rowStart, int[] entryStart, char[] pool, int[] frequencies)
    {
        var rowCount = rowStart.Length - 1;
        for (var r = 0; r < rowCount; r++)
        {
            int from = entryStart[rowStart[r]], to = entryStart[rowStart[r + 1]];
            var changed = false;
            for (var i = from; i < to; i++)
            {
                if (s_packageToJava.TryGetValue(pool[i], out var java))
                {
                    pool[i] = java;
                    changed = true;
                }
            }
            if (!changed)
            {
                continue;
            }
            var entries = new List<(string Word, int Frequency)>();
            for (var e = rowStart[r]; e < rowStart[r + 1]; e++)
            {
                entries.Add((new string(pool, entryStart[e], entryStart[e + 1] - entryStart[e]), frequencies[e]));
            }
            // Ordinal order is §12.3's: unsigned unit by unit, the shorter first.
            entries.Sort((a, b) => string.CompareOrdinal(a.Word, b.Word));
            var p = from;
            var index = rowStart[r];
            foreach (var (word, frequency) in entries)
            {
                entryStart[index] = p;
                word.CopyTo(pool.AsSpan(p));
                frequencies[index] = frequency;
                p += word.Length;
                index++;
            }
        }
    }

    /// <summary>Parses the bigram layout: long[] hash table then int[] frequencies (§12.4's two objects).</summary>
    internal static BigramDictionary ReadBigram(Stream stream)
    {
        var table = new long[ReadLength(stream)];
        ReadLittleEndian(stream, table);
        var frequencies = new int[ReadLength(stream)];
        ReadLittleEndian(stream, frequencies);
        if (stream.ReadByte() != -1)
        {
            throw new InvalidDataException("Unexpected bytes after the bigram dictionary tables.");
        }
        return new BigramDictionary(table, frequencies);
    }

    private static int ReadLength(Stream stream)
    {
        Span<byte> four = stackalloc byte[4];
        stream.ReadExactly(four);
        var length = BinaryPrimitives.ReadInt32LittleEndian(four);
        // The largest table (bigrams) has 402,137 slots; a wild length means a different layout.
        return length is >= 0 and <= 1 << 24
            ? length
            : throw new InvalidDataException($"Implausible table length {length} in the bigram dictionary.");
    }

    // The tables are read straight into their arrays: on a little-endian machine the bytes already are the
    // values, on a big-endian one each value is swapped after the read.
    private static void ReadLittleEndian(Stream stream, long[] values)
    {
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(values, values);
        }
    }

    private static void ReadLittleEndian(Stream stream, int[] values)
    {
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(values, values);
        }
    }

    /// <summary>A cursor over the core layout; every read checks the bounds and names the offset when the data
    /// does not fit.</summary>
    private ref struct LayoutReader(byte[] bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public readonly bool AtEnd => _position == _bytes.Length;

        public int ReadInt32()
        {
            Need(4);
            var value = BinaryPrimitives.ReadInt32LittleEndian(_bytes[_position..]);
            _position += 4;
            return value;
        }

        public short ReadInt16()
        {
            Need(2);
            var value = BinaryPrimitives.ReadInt16LittleEndian(_bytes[_position..]);
            _position += 2;
            return value;
        }

        /// <summary>A table length, which the layout writes as −1 for a null top-level table; the four top-level
        /// tables are never null in a usable dictionary.</summary>
        public int ReadLength()
        {
            var at = _position;
            var length = ReadInt32();
            return length >= 0 && length <= _bytes.Length
                ? length
                : throw new InvalidDataException($"Implausible table length {length} at byte {at} of the core dictionary.");
        }

        /// <summary>One UTF-16 unit written as UTF-8: one byte below U+0080, two below U+0800, else three (a
        /// writer that validates never writes a lone surrogate, so four-byte forms do not occur).</summary>
        public char ReadChar()
        {
            Need(1);
            int b0 = _bytes[_position];
            if (b0 < 0x80)
            {
                _position++;
                return (char)b0;
            }
            if (b0 is >= 0xC2 and <= 0xDF)
            {
                Need(2);
                var b1 = Continuation(1);
                _position += 2;
                return (char)(((b0 & 0x1F) << 6) | b1);
            }
            if (b0 is >= 0xE0 and <= 0xEF)
            {
                Need(3);
                var value = ((b0 & 0x0F) << 12) | (Continuation(1) << 6) | Continuation(2);
                if (value < 0x800 || value is >= 0xD800 and <= 0xDFFF)
                {
                    throw Invalid();
                }
                _position += 3;
                return (char)value;
            }
            throw Invalid();
        }

        public void Skip(long count)
        {
            if (count > _bytes.Length - _position)
            {
                throw new InvalidDataException($"The core dictionary ends early at byte {_position}.");
            }
            _position += (int)count;
        }

        private readonly int Continuation(int offset)
        {
            var b = _bytes[_position + offset];
            return (b & 0xC0) == 0x80 ? b & 0x3F : throw Invalid();
        }

        private readonly void Need(int count)
        {
            if (count > _bytes.Length - _position)
            {
                throw new InvalidDataException($"The core dictionary ends early at byte {_position}.");
            }
        }

        private readonly InvalidDataException Invalid() =>
            new($"Invalid UTF-8 character at byte {_position} of the core dictionary.");
    }
}
