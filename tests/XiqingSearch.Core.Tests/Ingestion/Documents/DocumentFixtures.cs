using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Tests.Ingestion.Documents;

/// <summary>
/// The committed document fixtures (<c>tests/Fixtures/Documents/</c>, remade by its <c>make.sh</c> from seed 000):
/// a DOCX with a running header and a "— N —" footer, a saved page, the DOCX printed by LibreOffice and the first
/// paragraphs of the page printed by Chromium (with the browser's date/title header and URL/"N/M" footer).
/// </summary>
internal static class DocumentFixtures
{
    public const string SeedId = "000_313d8db390bab93c";

    /// <summary>Paragraphs of the seed in the page Chromium printed (make.sh's last argument).</summary>
    public const int ChromiumParagraphs = 24;

    public static string Folder { get; } = Path.Combine(Testing.RepositoryRoot.Path, "tests", "Fixtures", "Documents");

    public static string Docx => Path.Combine(Folder, SeedId + ".docx");

    public static string Html => Path.Combine(Folder, SeedId + ".html");

    public static string LibreOfficePdf => Path.Combine(Folder, SeedId + ".libreoffice.pdf");

    public static string ChromiumPdf => Path.Combine(Folder, SeedId + ".chromium.pdf");

    public static string Bad(string name) => Path.Combine(Folder, name);

    /// <summary>The seed as text, read by the text reader: the ground truth.</summary>
    public static SourceDocument Seed { get; } = Read(Path.Combine(Testing.RepositoryRoot.Seeds, SeedId + ".txt"));

    /// <summary>Reads one file as the corpus reader does (no catalogue).</summary>
    public static SourceDocument Read(string path)
    {
        var result = ReadResult(path);
        Assert.True(result.IsSuccess, string.Join("; ", result.Problems));
        return result.Value;
    }

    public static Problems.Result<SourceDocument> ReadResult(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        var file = new SourceFile(path, name, Path.GetFileNameWithoutExtension(name), bytes.LongLength, "0");
        return CorpusReader.ReadDocument(file, null);
    }
}
