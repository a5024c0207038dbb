namespace XiqingSearch.Core.Ingestion.Topics;

/// <summary>
/// Assigns one primary topic per paragraph. Score of a topic = Σ weight × occurrences, where occurrences in the
/// heading path count <see cref="HeadingFactor"/> times and occurrences in the paragraph's own text once
/// (a heading's own text is counted as heading path only). The highest score wins; ties go to the topic listed
/// first; no match gives <see cref="Taxonomy.Fallback"/>.
/// </summary>
public sealed class TopicAssigner
{
    /// <summary>How much more a keyword in the heading path counts than one in the text.</summary>
    public const int HeadingFactor = 3;

    private readonly Taxonomy _taxonomy;

    /// <summary>An assigner over <paramref name="taxonomy"/>.</summary>
    public TopicAssigner(Taxonomy taxonomy)
    {
        _taxonomy = taxonomy;
    }

    /// <summary>An assigner over <see cref="Taxonomy.Default"/>.</summary>
    public static TopicAssigner Default { get; } = new(Taxonomy.Default);

    /// <summary>The topic of a paragraph with heading path <paramref name="chapter"/> and text <paramref name="text"/>.</summary>
    public TopicAssignment Assign(IReadOnlyList<string> chapter, string text, bool isHeading = false)
    {
        var headings = string.Join("\n", chapter);
        var body = isHeading ? string.Empty : text;
        TopicAssignment? best = null;
        foreach (var topic in _taxonomy.Topics)
        {
            var score = 0;
            var matched = new List<(string Keyword, int Points)>();
            foreach (var (keyword, weight) in topic.Keywords)
            {
                var points = weight * ((HeadingFactor * Count(headings, keyword)) + Count(body, keyword));
                if (points > 0)
                {
                    score += points;
                    matched.Add((keyword, points));
                }
            }
            if (score > 0 && (best is null || score > best.Score))
            {
                var keywords = matched.OrderByDescending(m => m.Points).Select(m => m.Keyword).ToList();
                best = new TopicAssignment(topic.Name, keywords, score);
            }
        }
        return best ?? new TopicAssignment(_taxonomy.Fallback, [], 0);
    }

    private static int Count(string text, string keyword)
    {
        var count = 0;
        var index = text.IndexOf(keyword, StringComparison.Ordinal);
        while (index >= 0)
        {
            count++;
            index = text.IndexOf(keyword, index + keyword.Length, StringComparison.Ordinal);
        }
        return count;
    }
}
