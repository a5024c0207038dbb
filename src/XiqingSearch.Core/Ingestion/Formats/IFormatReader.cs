using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>Turns decoded file text into <see cref="SourceLine"/>s, removing the format's markup.</summary>
internal interface IFormatReader
{
    /// <summary>The lines of <paramref name="text"/>, numbered from 1.</summary>
    IReadOnlyList<SourceLine> ReadLines(string text);

    /// <summary>The lines of <paramref name="text"/> and what its markup says of the document (front matter).</summary>
    ExtractedDocument Read(string text) => new(ReadLines(text), DocumentFacts.None);
}
