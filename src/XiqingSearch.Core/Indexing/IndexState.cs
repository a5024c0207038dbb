namespace XiqingSearch.Core.Indexing;

/// <summary>The index folder compared with the seeds folder.</summary>
public enum IndexState
{
    /// <summary>No commit in the index folder.</summary>
    Missing,

    /// <summary>A commit exists but the seeds (or the catalogue) changed since.</summary>
    Stale,

    /// <summary>A commit exists and matches the seeds.</summary>
    Current,

    /// <summary>A commit of another schema version: rebuild it.</summary>
    Incompatible,
}
