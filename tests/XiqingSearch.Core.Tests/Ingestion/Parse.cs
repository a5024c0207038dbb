using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Topics;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Tests.Ingestion;

/// <summary>Runs the ingestion pipeline on inline text.</summary>
internal static class Parse
{
    public static Result<SourceDocument> Text(string text, string fileName = "t.txt", Catalog? catalog = null) =>
        CorpusReader.Parse(
            new SourceFile("/seeds/" + fileName, fileName, Path.GetFileNameWithoutExtension(fileName), text.Length, "0"),
            text,
            catalog,
            TopicAssigner.Default);

    /// <summary>A small annual plan around <paramref name="body"/>, so a year is found.</summary>
    public static IReadOnlyList<Paragraph> Body(string body, string fileName = "t.txt") =>
        Text("西青区2024年国民经济和社会发展规划\n\n" + body, fileName).Value.Skip(1).ToList();

    private static IReadOnlyList<Paragraph> Skip(this SourceDocument document, int count) =>
        document.Paragraphs.Skip(count).ToList();
}
