namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// How many documents one caller may see in the served commit, for a readiness probe: counts only, made without a
/// summary per document (<see cref="Engine.SearchEngine.CountDocuments"/>).
/// </summary>
/// <param name="Served">Indexed documents of the commit, whoever asks: none means there is nothing to serve.</param>
/// <param name="Documents">Indexed documents the caller may see.</param>
/// <param name="Skipped">Unreadable documents the caller may see.</param>
/// <param name="Warnings">Warnings about how the documents the caller may see were read, in all.</param>
public sealed record DocumentCounts(int Served, int Documents, int Skipped, int Warnings);

/// <summary>One warning about how a document of the served commit was read (<see cref="Engine.SearchEngine.DocumentWarnings"/>).</summary>
public sealed record DocumentWarning(string Doc, string File, string Warning);
