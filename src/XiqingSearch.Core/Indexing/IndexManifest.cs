using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// What a commit was built from, stored in the commit's user data so that it switches atomically with the
/// index itself: the schema version, the build time and every source file's name, size and hash.
/// Search compares it with the seeds folder to tell when the index is stale. The format is plain lines
/// (<c>name TAB bytes TAB sha256</c>), read on every start of the command line, so no serializer is warmed up.
/// </summary>
internal sealed record IndexManifest
{
    /// <summary>
    /// Bumped whenever fields, analysis or paragraph rules change, so an old index is rebuilt, never misread.
    /// </summary>
    public const string CurrentSchema = "xiqing-13"; // 8: variant folding in the character fields; 9: document pages (PDF, DOCX, HTML readers); 10: a typed space between an ideograph and a Latin word stays in the display text; 11: document metadata (number, issuer, dates, source URL, year source, warnings, copies) and the title:/issuer:/number: fields; 12: variant forms (峯 → 峰, OpenCC and Unihan) folded in the character fields; 13: each paragraph's digest (text hash, characters, SmartCn word offsets) for new-terms, suggestions and per-year sizes

    private const string SchemaKey = "xiqing.schema";
    private const string BuiltAtKey = "xiqing.built-at";
    private const string FilesKey = "xiqing.files";
    private const string CatalogKey = "xiqing.catalog";
    private const string SkippedKey = "xiqing.skipped";
    private const string CopiesKey = "xiqing.copies";
    private const string StampsKey = "xiqing.stamps";
    private const string OcrKey = "xiqing.ocr";

    /// <summary>The OCR setting a build ran with, as <see cref="OcrSetting"/> writes it (<c>off</c>, or <c>on chi_sim+eng 300</c>).</summary>
    public string Ocr { get; init; } = OcrOff;

    private const string OcrOff = "off";

    /// <summary>
    /// What of the OCR settings changes a commit: whether OCR ran, with which languages and at which resolution.
    /// A commit built with another setting is stale, and its PDFs and images are read again (the OCR cache keeps a
    /// page recognised once from being recognised again).
    /// </summary>
    public static string OcrSetting(Ingestion.Ocr.OcrOptions? ocr) =>
        ocr is { Enabled: true } on ? string.Create(CultureInfo.InvariantCulture, $"on {on.Languages} {on.Dpi}") : OcrOff;

    public required string Schema { get; init; }

    public required DateTimeOffset BuiltAt { get; init; }

    public required IReadOnlyList<ManifestFile> Files { get; init; }

    /// <summary>The catalogue file, when the seeds folder has one.</summary>
    public ManifestFile? Catalog { get; init; }

    /// <summary>Documents of the seeds that could not be read and are not in the index, with the reason.</summary>
    public IReadOnlyList<SkippedDocument> Skipped { get; init; } = [];

    /// <summary>Files left out as copies of another file's text, by path under the seeds folder.</summary>
    public IReadOnlyList<string> Copies { get; init; } = [];

    /// <summary>
    /// The last-write times (UTC ticks) of the files (and catalogue) that had a trusted one when listed, by file
    /// name: with <see cref="KnownSources"/> the next listing skips hashing the files that kept size and time.
    /// Not part of what the commit was built from: a touched file with the same bytes still matches.
    /// </summary>
    public IReadOnlyDictionary<string, long> Stamps { get; init; } = new Dictionary<string, long>();

    public static IndexManifest For(IReadOnlyList<SourceFile> files, SourceFile? catalog, DateTimeOffset builtAt,
        IReadOnlyList<SkippedDocument>? skipped = null) => new()
        {
            Schema = CurrentSchema,
            BuiltAt = builtAt,
            Files = [.. files.Select(ManifestFile.Of)],
            Catalog = catalog is null ? null : ManifestFile.Of(catalog),
            Skipped = skipped ?? [],
            // A path with a tab or line break gets no stamp (it would split the stamps' lines): it is hashed each time.
            Stamps = files.Append(catalog).OfType<SourceFile>()
                .Where(f => f.Stamp is not null && f.FileName.AsSpan().IndexOfAny('\t', '\n', '\r') < 0)
                .ToDictionary(f => f.FileName, f => f.Stamp!.Value, StringComparer.Ordinal),
        };

    /// <summary>What this commit knows of each source file with a stamp, for <see cref="CorpusReader.ListFiles"/>.</summary>
    public IReadOnlyDictionary<string, KnownSource> KnownSources()
    {
        var known = new Dictionary<string, KnownSource>(StringComparer.Ordinal);
        foreach (var file in Files.Append(Catalog).OfType<ManifestFile>())
        {
            if (Stamps.TryGetValue(file.Name, out var stamp))
            {
                known[file.Name] = new KnownSource(file.Bytes, stamp, file.Sha256);
            }
        }
        return known;
    }

    public IDictionary<string, string> ToCommitData()
    {
        var data = new Dictionary<string, string>
        {
            [SchemaKey] = Schema,
            [BuiltAtKey] = BuiltAt.ToString("O", CultureInfo.InvariantCulture),
            [FilesKey] = string.Join('\n', Files.Select(Line)),
        };
        if (Ocr != OcrOff)
        {
            data[OcrKey] = Ocr;
        }
        if (Catalog is not null)
        {
            data[CatalogKey] = Line(Catalog);
        }
        if (Stamps.Count > 0)
        {
            data[StampsKey] = string.Join('\n', Stamps.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => $"{s.Key}\t{s.Value.ToString(CultureInfo.InvariantCulture)}"));
        }
        if (Copies.Count > 0)
        {
            data[CopiesKey] = string.Join('\n', Copies.Select(Clean));
        }
        if (Skipped.Count > 0)
        {
            // name TAB code TAB page (empty when none) TAB reason (tabs and line breaks made spaces).
            data[SkippedKey] = string.Join('\n', Skipped.Select(s => string.Join('\t', Clean(s.File), s.Code,
                s.Page?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Clean(s.Reason))));
        }
        return data;
    }

    /// <summary>
    /// Reads the manifest of a commit; null when the commit was not written by XiqingSearch or its manifest is
    /// damaged. A commit of another schema reads as a manifest with that schema (and no files), so callers can
    /// say which version built it.
    /// </summary>
    public static IndexManifest? FromCommitData(IDictionary<string, string> data)
    {
        if (!data.TryGetValue(SchemaKey, out var schema))
        {
            return null;
        }
        if (schema != CurrentSchema)
        {
            return new IndexManifest { Schema = schema, BuiltAt = default, Files = [] };
        }
        if (!data.TryGetValue(BuiltAtKey, out var builtAt)
            || !DateTimeOffset.TryParse(builtAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when)
            || !data.TryGetValue(FilesKey, out var files))
        {
            return null;
        }
        var parsed = new List<ManifestFile>();
        foreach (var line in files.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Parse(line) is not { } file)
            {
                return null;
            }
            parsed.Add(file);
        }
        ManifestFile? catalog = null;
        if (data.TryGetValue(CatalogKey, out var catalogLine) && (catalog = Parse(catalogLine)) is null)
        {
            return null;
        }
        var skipped = new List<SkippedDocument>();
        if (data.TryGetValue(SkippedKey, out var skippedLines))
        {
            foreach (var line in skippedLines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var cells = line.Split('\t');
                if (cells.Length != 4)
                {
                    return null;
                }
                int? page = int.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
                skipped.Add(new SkippedDocument(cells[0], cells[1], page, cells[3]));
            }
        }
        return new IndexManifest
        {
            Schema = schema,
            BuiltAt = when,
            Files = parsed,
            Catalog = catalog,
            Skipped = skipped,
            Copies = data.TryGetValue(CopiesKey, out var copyLines) ? copyLines.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [],
            Stamps = ParseStamps(data.TryGetValue(StampsKey, out var stampLines) ? stampLines : ""),
            // A commit that does not say was built with OCR off (the key is only written when it was on).
            Ocr = data.TryGetValue(OcrKey, out var ocr) ? ocr : OcrOff,
        };
    }

    /// <summary>The stamps' lines; a damaged line is dropped (its file is then hashed, which is always safe).</summary>
    private static Dictionary<string, long> ParseStamps(string lines)
    {
        var stamps = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.LastIndexOf('\t');
            if (tab > 0 && long.TryParse(line.AsSpan(tab + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                stamps[line[..tab]] = ticks;
            }
        }
        return stamps;
    }

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>True when the seeds are exactly the files this commit was built from.</summary>
    public bool Matches(IReadOnlyList<SourceFile> files, SourceFile? catalog) =>
        Files.SequenceEqual(files.Select(ManifestFile.Of))
        && Equals(Catalog, catalog is null ? null : ManifestFile.Of(catalog));

    private static string Line(ManifestFile file) =>
        new StringBuilder(file.Name).Append('\t').Append(file.Bytes.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(file.Sha256).ToString();

    private static ManifestFile? Parse(string line)
    {
        var cells = line.Split('\t');
        return cells.Length == 3 && long.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? new ManifestFile(cells[0], bytes, cells[2])
            : null;
    }
}
