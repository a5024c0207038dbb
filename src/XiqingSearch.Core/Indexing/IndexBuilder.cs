using XiqingSearch.Core.Results;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// Builds the on-disk index from the seeds folder. A build commits once, at the end, so Lucene's commit is the
/// atomic switch: a run that fails or is killed leaves the last good commit serving.
/// </summary>
public static class IndexBuilder
{
    /// <summary>Builds (or, when <paramref name="force"/> is false and the index is current, keeps) the index.</summary>
    public static Result<BuildReport> Build(IndexOptions options, IProgress<IndexProgress>? progress = null,
        bool force = false, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Whether the index exists and matches the seeds it was built from.</summary>
    public static IndexState Check(IndexOptions options) => throw new NotImplementedException();
}
