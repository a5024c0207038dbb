namespace XiqingSearch.Core.Indexing;

/// <summary>Progress of a build, reported after each file, after each page recognised by OCR, and at the commit.</summary>
public readonly record struct IndexProgress(
    string Stage,
    int FilesDone,
    int FilesTotal,
    int Paragraphs,
    long BytesDone,
    long BytesTotal,
    TimeSpan Elapsed,
    string? CurrentFile)
{
    /// <summary>The file whose pages OCR is recognising, on a report made after one of its pages; else null.</summary>
    public string? OcrFile { get; init; }

    /// <summary>Pages of <see cref="OcrFile"/> done (recognised, from the cache, or skipped), counting up.</summary>
    public int OcrPagesDone { get; init; }

    /// <summary>Pages of <see cref="OcrFile"/> to recognise.</summary>
    public int OcrPagesTotal { get; init; }

    /// <summary>True when the page just done came from the OCR cache.</summary>
    public bool OcrPageCached { get; init; }
}
