using System.Security.Cryptography;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// The same document in several formats (a notice as PDF and DOCX): equal text once whitespace is removed and the
/// text is folded (NFKC, so full-width and compatibility forms a converter chose compare equal). It is indexed once,
/// from the format that keeps most of the author's structure, and the other files are its copies. The choice depends
/// only on the files, never on the order they were read in, so a build on several threads decides the same.
/// </summary>
internal static class DocumentCopies
{
    /// <summary>SHA-256 of the document's paragraphs, folded and without whitespace.</summary>
    public static string TextHash(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new StringBuilder();
        foreach (var paragraph in document.Paragraphs)
        {
            AppendText(hash, buffer, paragraph.Text);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Adds one paragraph's text to a <see cref="TextHash"/> being computed (a streamed file adds its
    /// paragraphs as they are read, so its hash equals that of the same text read whole).</summary>
    internal static void AppendText(IncrementalHash hash, StringBuilder buffer, string text)
    {
        buffer.Clear();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c))
            {
                buffer.Append(c);
            }
        }
        hash.AppendData(Encoding.UTF8.GetBytes(buffer.ToString()));
    }

    /// <summary>
    /// How much of the author's structure a format keeps, lower first. DOCX carries the author's own paragraphs,
    /// heading styles and real tables; a saved page has markup structure but site furniture around it; a PDF's
    /// paragraphs and tables are rebuilt from positioned lines; Markdown is usually a conversion of one of those;
    /// plain text keeps none.
    /// </summary>
    public static int Rank(string fileName) =>
        Path.GetExtension(fileName).ToLower(CultureInfo.InvariantCulture) switch
        {
            ".docx" => 0,
            ".html" or ".htm" => 1,
            ".pdf" => 2,
            ".md" => 3,
            _ => 4,
        };

    /// <summary>True when <paramref name="a"/> is kept over <paramref name="b"/>: the richer format, then the path.</summary>
    public static bool Prefer(SourceFile a, SourceFile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var rank = Rank(a.FileName).CompareTo(Rank(b.FileName));
        return rank != 0 ? rank < 0 : string.CompareOrdinal(a.FileName, b.FileName) < 0;
    }

    /// <summary>Groups files (null: not read) by text hash, index by index.</summary>
    public static Groups Group(IReadOnlyList<SourceFile?> files, IReadOnlyList<string?> hashes)
    {
        var groups = new Groups();
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i] is { } file && hashes[i] is { } hash)
            {
                groups.Add(i, file, hash);
            }
        }
        return groups;
    }

    /// <summary>Copy groups built file by file; not thread-safe (callers lock).</summary>
    public sealed class Groups
    {
        private readonly Dictionary<string, List<(int Index, SourceFile File)>> _byHash = new(StringComparer.Ordinal);
        private readonly Dictionary<int, string> _hashOf = [];

        /// <summary>Adds a read file; true when it is, so far, the one kept of its text.</summary>
        public bool Add(int index, SourceFile file, string hash)
        {
            if (!_byHash.TryGetValue(hash, out var members))
            {
                _byHash[hash] = members = [];
            }
            members.Add((index, file));
            _hashOf[index] = hash;
            return members.All(m => m.Index == index || Prefer(file, m.File));
        }

        /// <summary>The index of the file kept for the text of file <paramref name="index"/>.</summary>
        public int Kept(int index)
        {
            var members = _byHash[_hashOf[index]];
            var best = members[0];
            foreach (var member in members.Skip(1))
            {
                if (Prefer(member.File, best.File))
                {
                    best = member;
                }
            }
            return best.Index;
        }

        /// <summary>True when file <paramref name="index"/> was read and another file with its text is kept.</summary>
        public bool IsCopy(int index) => _hashOf.ContainsKey(index) && Kept(index) != index;

        /// <summary>The other files with the text of file <paramref name="index"/>, when it is the one kept; else empty.</summary>
        public IReadOnlyList<SourceFile> CopiesOf(int index) =>
            !_hashOf.TryGetValue(index, out var hash) || Kept(index) != index
                ? []
                : [.. _byHash[hash].Where(m => m.Index != index).Select(m => m.File).OrderBy(f => f.FileName, StringComparer.Ordinal)];

        /// <summary>Every group of more than one file: the kept index and the copies' indexes.</summary>
        public IEnumerable<(int Kept, IReadOnlyList<int> Copies)> Shared() =>
            _byHash.Values.Where(m => m.Count > 1).Select(m =>
            {
                var kept = Kept(m[0].Index);
                return (kept, (IReadOnlyList<int>)[.. m.Where(x => x.Index != kept).Select(x => x.Index).Order()]);
            });
    }
}
