using System.Text.Json;

namespace XiqingSearch.Core.Ingestion.Topics;

/// <summary>
/// The policy topic taxonomy: a small ordered list of topics with keywords, kept as data in
/// <c>taxonomy.json</c> (an embedded resource), and the fallback topic for text that matches none.
/// </summary>
public sealed class Taxonomy
{
    private const string ResourceName = "XiqingSearch.Core.Ingestion.Topics.taxonomy.json";

    private static readonly Lazy<Taxonomy> s_default = new(LoadDefault);

    /// <summary>Creates a taxonomy; the order of <paramref name="topics"/> breaks ties.</summary>
    public Taxonomy(IReadOnlyList<TopicDefinition> topics, string fallback)
    {
        Topics = topics;
        Fallback = fallback;
    }

    /// <summary>The topics, in tie-breaking order.</summary>
    public IReadOnlyList<TopicDefinition> Topics { get; }

    /// <summary>The topic given when no keyword matches.</summary>
    public string Fallback { get; }

    /// <summary>The taxonomy shipped in the assembly.</summary>
    public static Taxonomy Default => s_default.Value;

    /// <summary>Every topic name, the fallback last.</summary>
    public IReadOnlyList<string> TopicNames => [.. Topics.Select(t => t.Name), Fallback];

    /// <summary>Parses taxonomy JSON: <c>{ "fallback": "综合", "topics": [ { "name": "…", "keywords": { "词": 1 } } ] }</c>.</summary>
    public static Taxonomy Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var fallback = root.GetProperty("fallback").GetString()!;
        var topics = new List<TopicDefinition>();
        foreach (var topic in root.GetProperty("topics").EnumerateArray())
        {
            var keywords = topic.GetProperty("keywords").EnumerateObject()
                .Select(k => new KeyValuePair<string, int>(k.Name, k.Value.GetInt32()))
                .ToList();
            topics.Add(new TopicDefinition(topic.GetProperty("name").GetString()!, keywords));
        }
        return new Taxonomy(topics, fallback);
    }

    private static Taxonomy LoadDefault()
    {
        using var stream = typeof(Taxonomy).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing (a build error).");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
