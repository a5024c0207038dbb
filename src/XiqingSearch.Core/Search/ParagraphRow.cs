using XiqingSearch.Core.Search.Highlighting;

namespace XiqingSearch.Core.Search;

/// <summary>
/// One indexed paragraph as the searcher holds it in memory: the facet values read from doc values, the stored
/// text and metadata, and (computed on first use) its normalised text for highlighting.
/// </summary>
internal sealed class ParagraphRow
{
    private NormalizedText? _normalized;

    public required DocumentInfo Document { get; init; }

    public required int Paragraph { get; init; }

    public required int Year { get; init; }

    public required string Kind { get; init; }

    public required string Topic { get; init; }

    public required IReadOnlyList<string> TopicKeywords { get; init; }

    public required IReadOnlyList<string> Chapter { get; init; }

    /// <summary>Level-1 heading, or empty.</summary>
    public required string Chapter1 { get; init; }

    /// <summary>Level 1 and 2 joined with " > ", or null when the path has one level.</summary>
    public required string? Chapter2 { get; init; }

    public required string Text { get; init; }

    public required int FirstLine { get; init; }

    public required int LastLine { get; init; }

    public string Id => $"{Document.Doc}#{Paragraph}";

    /// <summary>The normalised text; computed once, racing threads compute the same immutable value.</summary>
    public NormalizedText Normalized => _normalized ??= new NormalizedText(Text);

    public ParagraphView ToView() => new()
    {
        Id = Id,
        Doc = Document.Doc,
        Paragraph = Paragraph,
        Kind = Kind,
        Chapter = Chapter,
        Topic = Topic,
        TopicKeywords = TopicKeywords,
        Text = Text,
        FirstLine = FirstLine,
        LastLine = LastLine,
    };
}
