using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// Repairs a zip package whose relationships name parts it does not hold (some writers record an image as
/// <c>../NULL</c>): a copy without those relationships, which the SDK then opens. Runs only after the package passed
/// <see cref="ArchiveGuard"/>, so every part's size is already bounded.
/// </summary>
internal static class DanglingRelationships
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>The repaired package, or null when no relationship dangles (then the fault is elsewhere).</summary>
    public static byte[]? Remove(byte[] bytes)
    {
        try
        {
            using var input = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var names = new HashSet<string>(input.Entries.Select(e => e.FullName), StringComparer.OrdinalIgnoreCase);
            var removed = 0;
            using var output = new MemoryStream();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var entry in input.Entries)
                {
                    var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest);
                    using var source = entry.Open();
                    using var target = copy.Open();
                    if (!entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                    {
                        source.CopyTo(target);
                        continue;
                    }
                    var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
                    using var reader = XmlReader.Create(source, settings);
                    var rels = XDocument.Load(reader);
                    var folder = SourceFolder(entry.FullName);
                    foreach (var relationship in rels.Descendants(XName.Get("Relationship", RelationshipsNamespace)).ToList())
                    {
                        var external = (string?)relationship.Attribute("TargetMode") == "External";
                        var targetAttribute = (string?)relationship.Attribute("Target");
                        if (!external && targetAttribute is { } target0 && !names.Contains(Resolve(folder, target0)))
                        {
                            relationship.Remove();
                            removed++;
                        }
                    }
                    rels.Save(target);
                }
            }
            return removed > 0 ? output.ToArray() : null;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            return null;
        }
    }

    /// <summary>The folder a .rels part's relative targets start from: <c>word/_rels/document.xml.rels</c> → <c>word/</c>.</summary>
    private static string SourceFolder(string relsName)
    {
        var rels = relsName.LastIndexOf("_rels/", StringComparison.OrdinalIgnoreCase);
        return rels < 0 ? string.Empty : relsName[..rels];
    }

    /// <summary>A relationship target as a zip entry name (<c>../NULL</c> from <c>word/</c> is <c>NULL</c>).</summary>
    private static string Resolve(string folder, string target)
    {
        var parts = new List<string>();
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }
        return Uri.UnescapeDataString(string.Join('/', parts));
    }
}
