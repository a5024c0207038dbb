using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using XiqingSearch.Core.Results;

namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// The SmartCn word and word-pair dictionaries, read from Lucene's SmartCn jar (spec §12). Immutable and
/// shared read-only by every analyzer and thread. Use <see cref="Shared"/> to load once per process.
/// </summary>
public sealed class SmartCnDictionary
{
    internal const string CoreEntry = "org/apache/lucene/analysis/cn/smart/hhmm/coredict.mem";
    internal const string BigramEntry = "org/apache/lucene/analysis/cn/smart/hhmm/bigramdict.mem";

    private static readonly ConcurrentDictionary<string, Lazy<SmartCnDictionary>> s_shared = new(StringComparer.Ordinal);

    internal SmartCnDictionary(CoreDictionary core, BigramDictionary bigram)
    {
        Core = core;
        Bigram = bigram;
        // §6: the four special frequencies are dictionary lookups.
        StringFrequency = core.Freq(SpecialKeys.String);
        NumberFrequency = core.Freq(SpecialKeys.Number);
        BeginFrequency = core.Freq(SpecialKeys.Begin);
        EndFrequency = core.Freq(SpecialKeys.End);
    }

    internal CoreDictionary Core { get; }
    internal BigramDictionary Bigram { get; }
    internal int StringFrequency { get; }
    internal int NumberFrequency { get; }
    internal int BeginFrequency { get; }
    internal int EndFrequency { get; }

    /// <summary>How long <see cref="Load"/> took, from opening the jar to the ready dictionary.</summary>
    public TimeSpan LoadTime { get; private set; }

    /// <summary>True when the dictionaries came from the parsed-dictionary cache rather than the jar.</summary>
    public bool LoadedFromCache { get; private set; }

    /// <summary>
    /// Loads the dictionaries from <see cref="SmartCnOptions.JarPath"/>, or from the cache in
    /// <see cref="SmartCnOptions.CacheDirectory"/> when it matches the jar's size and SHA-256 (and then
    /// rewrites the cache when it was missing, stale or corrupt).
    /// </summary>
    /// <exception cref="XiqingException">The jar is missing (<see cref="ProblemCodes.SmartCnJarMissing"/>) or
    /// is not a readable SmartCn jar (<see cref="ProblemCodes.SmartCnJarInvalid"/>).</exception>
    public static SmartCnDictionary Load(SmartCnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var jarPath = options.JarPath;
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

        var jarHash = SHA256.HashData(jarBytes);
        var cachePath = options.CacheDirectory is null ? null : Path.Combine(options.CacheDirectory, SmartCnCache.FileName);
        if (cachePath is not null && SmartCnCache.TryRead(cachePath, jarBytes.LongLength, jarHash) is { } cached)
        {
            cached.LoadTime = stopwatch.Elapsed;
            cached.LoadedFromCache = true;
            return cached;
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
        if (cachePath is not null)
        {
            SmartCnCache.TryWrite(cachePath, jarBytes.LongLength, jarHash, dictionary);
        }
        dictionary.LoadTime = stopwatch.Elapsed;
        return dictionary;
    }

    /// <summary>
    /// The dictionary for <paramref name="options"/>' jar, loaded lazily on first use and then shared by the
    /// whole process (thread-safe; one load per full jar path). A failed load is not remembered, so a later
    /// call retries.
    /// </summary>
    /// <exception cref="XiqingException">As for <see cref="Load"/>.</exception>
    public static SmartCnDictionary Shared(SmartCnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = Path.GetFullPath(options.JarPath);
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
        $"SmartCn dictionary not found at {jarPath}. Install it with `apt-get install -y liblucene8-java` (as root, or with sudo), "
        + $"or point {SmartCnOptions.JarEnvironmentVariable} (or --smartcn-jar) at a copy of lucene-analyzers-smartcn-*.jar.",
        jarPath);

    private static Problem InvalidJarProblem(string jarPath, string detail) => new(
        ProblemCodes.SmartCnJarInvalid,
        $"{jarPath} is not a readable Lucene SmartCn jar ({detail}). Reinstall it with "
        + $"`apt-get install --reinstall -y liblucene8-java` (as root, or with sudo), or point {SmartCnOptions.JarEnvironmentVariable} "
        + "(or --smartcn-jar) at a copy of lucene-analyzers-smartcn-*.jar.",
        jarPath);
}
