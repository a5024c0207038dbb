namespace XiqingSearch.Core.Ingestion.Topics;

/// <summary>The topic chosen for a paragraph and why.</summary>
/// <param name="Topic">The topic name; the fallback when nothing matched.</param>
/// <param name="Keywords">The matched keywords of <paramref name="Topic"/>, strongest first; empty for the fallback.</param>
/// <param name="Score">The winning score (0 for the fallback).</param>
public sealed record TopicAssignment(string Topic, IReadOnlyList<string> Keywords, int Score);
