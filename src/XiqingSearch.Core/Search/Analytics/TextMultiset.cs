namespace XiqingSearch.Core.Search.Analytics;

/// <summary>
/// The distinct texts of a group of documents (<see cref="CommitDigests.TextsOf"/>), in the order a walk of the
/// documents' paragraphs first meets each, with how many paragraphs hold each and how many of those are headings.
/// The order is kept because new-terms reads texts in it (a run's words are taken where it is first met).
/// </summary>
internal sealed class TextMultiset
{
    /// <summary>By text number: its place in <see cref="Texts"/>.</summary>
    private readonly Dictionary<int, int> _slotOf;

    /// <summary>By place: the document where the walk first meets the text, and the text's place among that document's parts.</summary>
    private readonly (int Document, int Place)[] _first;

    private TextMultiset(int[] texts, int[] paragraphs, int[] headings, (int Document, int Place)[] first)
    {
        Texts = texts;
        Paragraphs = paragraphs;
        Headings = headings;
        _first = first;
        _slotOf = new Dictionary<int, int>(texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            _slotOf[texts[i]] = i;
        }
    }

    /// <summary>Text numbers, in the order they are first met.</summary>
    public int[] Texts { get; }

    /// <summary>By place: the paragraphs holding the text.</summary>
    public int[] Paragraphs { get; }

    /// <summary>By place: the headings among those paragraphs.</summary>
    public int[] Headings { get; }

    /// <summary>The sum of <paramref name="documents"/>' parts (documents in ordinal order).</summary>
    public static TextMultiset Sum(IEnumerable<(int Ordinal, TextPart[] Parts)> documents)
    {
        var slotOf = new Dictionary<int, int>();
        var texts = new List<int>();
        var paragraphs = new List<int>();
        var headings = new List<int>();
        var first = new List<(int, int)>();
        foreach (var (ordinal, parts) in documents)
        {
            for (var place = 0; place < parts.Length; place++)
            {
                var part = parts[place];
                if (slotOf.TryGetValue(part.Text, out var slot))
                {
                    paragraphs[slot] += part.Paragraphs;
                    headings[slot] += part.Headings;
                }
                else
                {
                    slotOf[part.Text] = texts.Count;
                    texts.Add(part.Text);
                    paragraphs.Add(part.Paragraphs);
                    headings.Add(part.Headings);
                    first.Add((ordinal, place));
                }
            }
        }
        return new TextMultiset([.. texts], [.. paragraphs], [.. headings], [.. first]);
    }

    /// <summary>
    /// This group without the documents <paramref name="hidden"/> (ordinals of members): their parts subtracted, a
    /// text no shown document holds dropped, and a text first met in a hidden document moved to where the walk of
    /// the shown ones meets it (the first document <paramref name="shownMember"/> keeps among those holding it).
    /// The cost is the hidden documents' parts, not the shown ones'.
    /// </summary>
    public TextMultiset Without(IReadOnlyList<int> hidden, TextPart[][] partsOf, int[][] documentsOf, Func<int, bool> shownMember)
    {
        var paragraphs = (int[])Paragraphs.Clone();
        var headings = (int[])Headings.Clone();
        var hiddenSet = hidden.ToHashSet();
        foreach (var document in hidden)
        {
            foreach (var part in partsOf[document])
            {
                var slot = _slotOf[part.Text];
                paragraphs[slot] -= part.Paragraphs;
                headings[slot] -= part.Headings;
            }
        }
        var kept = new List<(int Document, int Place, int Slot)>(Texts.Length);
        for (var slot = 0; slot < Texts.Length; slot++)
        {
            if (paragraphs[slot] <= 0)
            {
                continue;
            }
            var (document, place) = _first[slot];
            if (hiddenSet.Contains(document))
            {
                var text = Texts[slot];
                document = documentsOf[text].First(shownMember);
                place = Array.FindIndex(partsOf[document], p => p.Text == text);
            }
            kept.Add((document, place, slot));
        }
        kept.Sort((a, b) => a.Document != b.Document ? a.Document.CompareTo(b.Document) : a.Place.CompareTo(b.Place));
        return new TextMultiset([.. kept.Select(k => Texts[k.Slot])], [.. kept.Select(k => paragraphs[k.Slot])],
            [.. kept.Select(k => headings[k.Slot])], [.. kept.Select(k => (k.Document, k.Place))]);
    }
}
