using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;

namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// The SmartCn word and word-pair dictionaries (spec §12), read from the <c>Lucene.Net.Analysis.SmartCn</c>
/// package's embedded resources (the default) or from a Java Lucene SmartCn jar. Immutable and
/// shared read-only by every analyzer and thread. Use <see cref="Shared"/> to load once per process.
/// </summary>
public sealed class SmartCnDictionary
{
    internal const string CoreEntry = "org/apache/lucene/analysis/cn/smart/hhmm/coredict.mem";
    internal const string BigramEntry = "org/apache/lucene/analysis/cn/smart/hhmm/bigramdict.mem";

    private static readonly ConcurrentDictionary<string, Lazy<SmartCnDictionary>> s_shared = new(StringComparer.Ordinal);

    internal SmartCnDictionary(CoreDictionary core, BigramDictionary bigram, IReadOnlyDictionary<char, char>? singleUnitKeys = null)
    {
        Core = core;
        Bigram = bigram;
        if (singleUnitKeys is not null)
        {
            // A direct table: the lookup runs once per HANZI and DELIM unit of every text.
            _singleUnitKeys = new char[65536];
            for (var c = 0; c < _singleUnitKeys.Length; c++)
            {
                _singleUnitKeys[c] = (char)c;
            }
            foreach (var (from, to) in singleUnitKeys)
            {
                _singleUnitKeys[from] = to;
            }
        }
        // §6: the four special frequencies are dictionary lookups.
        StringFrequency = core.Freq(SpecialKeys.String);
        NumberFrequency = core.Freq(SpecialKeys.Number);
        BeginFrequency = core.Freq(SpecialKeys.Begin);
        EndFrequency = core.Freq(SpecialKeys.End);
    }

    // Units whose bigram entries this source stores under another unit (the package's GB2312 decoding differs
    // from Java's for a few characters); null when the source is Java's own.
    private readonly char[]? _singleUnitKeys;

    /// <summary>The bigram key of a one-unit token (a DELIM, or a single HANZI) whose text is <paramref name="c"/>:
    /// the unit under which this source's table holds what Java Lucene's jar holds for <paramref name="c"/>.</summary>
    internal char SingleUnitKey(char c) => _singleUnitKeys is null ? c : _singleUnitKeys[c];

    internal CoreDictionary Core { get; }
    internal BigramDictionary Bigram { get; }
    internal int StringFrequency { get; }
    internal int NumberFrequency { get; }
    internal int BeginFrequency { get; }
    internal int EndFrequency { get; }

    /// <summary>How long <see cref="Load"/> took, from opening the source to the ready dictionary.</summary>
    public TimeSpan LoadTime { get; private set; }

    /// <summary>Where the dictionaries came from: the package (with its version) or the jar's path.</summary>
    public string Source { get; private set; } = "";

    /// <summary>
    /// Loads the dictionaries from the <c>Lucene.Net.Analysis.SmartCn</c> package's embedded resources, or from
    /// <see cref="SmartCnOptions.JarPath"/> when it is set. Nothing is cached on disk: the package's resources
    /// parse about as fast as a parsed-dictionary cache file reads (measured in the analyzer benchmark).
    /// </summary>
    /// <exception cref="XiqingException">The jar is missing (<see cref="ProblemCodes.SmartCnJarMissing"/>) or
    /// is not a readable SmartCn jar, or the package's resources are unreadable
    /// (<see cref="ProblemCodes.SmartCnJarInvalid"/>).</exception>
    public static SmartCnDictionary Load(SmartCnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.JarPath is null ? LoadPackage() : LoadJar(options.JarPath);
    }

    private static SmartCnDictionary LoadPackage()
    {
        var stopwatch = Stopwatch.StartNew();
        SmartCnDictionary dictionary;
        try
        {
            dictionary = PackageDictionaryReader.Read();
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException
                                       or FileNotFoundException or BadImageFormatException)
        {
            throw new XiqingException(new Problem(
                ProblemCodes.SmartCnJarInvalid,
                $"The SmartCn dictionaries embedded in the Lucene.Net.Analysis.SmartCn package are unreadable ({ex.Message}). "
                + "Restore the package again (dotnet restore), or set the smartCnJar setting to a copy of "
                + "lucene-analyzers-smartcn-*.jar."), ex);
        }
        dictionary.Source = PackageDictionaryReader.Description;
        dictionary.LoadTime = stopwatch.Elapsed;
        return dictionary;
    }

    private static SmartCnDictionary LoadJar(string jarPath)
    {
        var stopwatch = Stopwatch.StartNew();
        byte[] jarBytes;
        try
        {
            jarBytes = File.ReadAllBytes(jarPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new XiqingException(MissingJarProblem(jarPath), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new XiqingException(InvalidJarProblem(jarPath, ex.Message), ex);
        }

        SmartCnDictionary dictionary;
        try
        {
            dictionary = ParseJar(jarBytes);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidCastException or OverflowException
                                       or IndexOutOfRangeException or ArgumentException)
        {
            throw new XiqingException(InvalidJarProblem(jarPath, ex.Message), ex);
        }
        dictionary.Source = jarPath;
        dictionary.LoadTime = stopwatch.Elapsed;
        return dictionary;
    }

    /// <summary>
    /// The dictionary for <paramref name="options"/>' source, loaded lazily on first use and then shared by the
    /// whole process (thread-safe; one load for the package and one per full jar path). A failed load is not
    /// remembered, so a later call retries.
    /// </summary>
    /// <exception cref="XiqingException">As for <see cref="Load"/>.</exception>
    public static SmartCnDictionary Shared(SmartCnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A jar path cannot be empty, so "" keys the package.
        var key = options.JarPath is null ? "" : Path.GetFullPath(options.JarPath);
        var lazy = s_shared.GetOrAdd(key, _ => new Lazy<SmartCnDictionary>(() => Load(options)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            s_shared.TryRemove(new KeyValuePair<string, Lazy<SmartCnDictionary>>(key, lazy));
            throw;
        }
    }

    internal static SmartCnDictionary ParseJar(byte[] jarBytes)
    {
        using var archive = new ZipArchive(new MemoryStream(jarBytes, writable: false), ZipArchiveMode.Read);
        var coreBytes = ReadEntry(archive, CoreEntry);
        var bigramBytes = ReadEntry(archive, BigramEntry);

        // §12.3: four objects, short[] slotRow, char[] slotChar, char[][][] words, int[][] freqs.
        var coreReader = new JavaSerializationReader(coreBytes);
        var slotRow = (short[])coreReader.ReadObject()!;
        var slotChar = (char[])coreReader.ReadObject()!;
        var words = (object?[])coreReader.ReadObject()!;
        var freqs = (object?[])coreReader.ReadObject()!;
        if (!coreReader.AtEnd)
        {
            throw new InvalidDataException("Unexpected bytes after the core dictionary objects.");
        }

        // §12.4: two objects, long[] table and int[] freq.
        var bigramReader = new JavaSerializationReader(bigramBytes);
        var table = (long[])bigramReader.ReadObject()!;
        var bigramFreq = (int[])bigramReader.ReadObject()!;
        if (!bigramReader.AtEnd)
        {
            throw new InvalidDataException("Unexpected bytes after the bigram dictionary objects.");
        }

        return new SmartCnDictionary(
            CoreDictionary.FromSerialized(slotRow, slotChar, words, freqs),
            new BigramDictionary(table, bigramFreq));
    }

    private static byte[] ReadEntry(ZipArchive archive, string name)
    {
        var entry = archive.GetEntry(name) ?? throw new InvalidDataException($"The jar has no entry {name}.");
        var length = checked((int)entry.Length);
        var bytes = new byte[length];
        using var stream = entry.Open();
        stream.ReadExactly(bytes);
        return bytes;
    }

    internal static Problem MissingJarProblem(string jarPath) => new(
        ProblemCodes.SmartCnJarMissing,
        $"SmartCn jar not found at {jarPath}. Set the smartCnJar setting to a copy of "
        + "lucene-analyzers-smartcn-*.jar, or unset it to use the dictionaries of the Lucene.Net.Analysis.SmartCn package.",
        jarPath);

    private static Problem InvalidJarProblem(string jarPath, string detail) => new(
        ProblemCodes.SmartCnJarInvalid,
        $"{jarPath} is not a readable Lucene SmartCn jar ({detail}). Set the smartCnJar setting to a good copy of "
        + "lucene-analyzers-smartcn-*.jar, or unset it to use the dictionaries of the "
        + "Lucene.Net.Analysis.SmartCn package.",
        jarPath);
}
