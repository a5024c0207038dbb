using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Indexing;

/// <summary>What a build did (<c>xiqing index</c> prints it as a table).</summary>
public sealed record BuildReport
{
    /// <summary>Index folder written.</summary>
    public required string IndexDirectory { get; init; }

    /// <summary>Per source document: id, title, year, paragraphs by kind, bytes.</summary>
    public required IReadOnlyList<BuildReportDocument> Documents { get; init; }

    /// <summary>Lucene documents written in total.</summary>
    public int Paragraphs { get; init; }

    /// <summary>Bytes of source files read.</summary>
    public long InputBytes { get; init; }

    /// <summary>Wall time of reading, analysing, writing and committing.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Input throughput in MB/s (10^6 bytes).</summary>
    public double MegabytesPerSecond => Elapsed.TotalSeconds > 0 ? InputBytes / 1e6 / Elapsed.TotalSeconds : 0;

    /// <summary>Bytes on disk of the new commit.</summary>
    public long IndexSizeBytes { get; init; }

    /// <summary>Files re-analysed in this run (all of them on a full build).</summary>
    public required IReadOnlyList<string> ChangedFiles { get; init; }

    /// <summary>Documents that could not be read (scanned, encrypted, damaged), with the page and the reason.</summary>
    public IReadOnlyList<SkippedDocument> Skipped { get; init; } = [];

    /// <summary>Files left out as copies of another's text (each kept document names its copies).</summary>
    public IReadOnlyList<string> Copies { get; init; } = [];

    /// <summary>What a person should know of the build as a whole (a catalogue left out, and why).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>True when anything was skipped or warned about (a document's or the build's warnings).</summary>
    public bool HasFindings => Skipped.Count > 0 || Warnings.Count > 0 || Documents.Any(d => d.Warnings.Count > 0);

    /// <summary>Pages OCR recognised in this run (0 when OCR is off, or every page came from the cache).</summary>
    public int OcrPagesRecognized { get; init; }

    /// <summary>Pages whose recognised text came from the OCR cache (recognised by an earlier build).</summary>
    public int OcrPagesFromCache { get; init; }

    /// <summary>Pages OCR skipped: longer than the page time limit, or a tool failed (each named in its document's
    /// warnings).</summary>
    public int OcrPagesSkipped { get; init; }

    /// <summary>False when the index was already current and nothing was written.</summary>
    public bool Rebuilt { get; init; }
}
