namespace XiqingSearch.Core.Ingestion.Topics;

/// <summary>One topic of the taxonomy with its keywords and their weights (1 unless the data file says more).</summary>
/// <param name="Name">The topic's name, the <c>topic</c> facet value.</param>
/// <param name="Keywords">Keyword → weight, in data-file order.</param>
public sealed record TopicDefinition(string Name, IReadOnlyList<KeyValuePair<string, int>> Keywords);
