namespace XiqingSearch.Core.Ingestion.Model;

/// <summary>The wording of every ingestion problem, in one place; tests assert on codes and spans, not on these.</summary>
internal static class IngestMessages
{
    public static string FolderMissing(string path) =>
        $"The seeds folder '{path}' does not exist. Point to the documents with the seeds setting (XIQING_SEEDS, or \"seeds\" in xiqing.json), or run where a seeds/ folder is.";

    /// <summary>How to read an image-only document, in the settings' words (the command line adds its flag).</summary>
    public const string TurnOcrOn = "turn OCR on (setting Xiqing:Ocr:Enabled)";

    public static string FolderEmpty(string path) =>
        $"The seeds folder '{path}' holds no *.txt, *.md, *.pdf, *.docx, *.html or *.htm files.";

    public static string InvalidUtf8(string fileName, long offset) =>
        $"'{fileName}' is not text in UTF-8, UTF-16, GB18030/GBK or Big5: the first byte sequence UTF-8 cannot read is at byte offset {offset}. Save it as UTF-8 and rebuild.";

    public static string InvalidUtf16(string fileName, long offset) =>
        $"'{fileName}' starts like UTF-16 but has an unpaired surrogate at byte offset {offset}. Save it as UTF-8 and rebuild.";

    public static string DocumentTooLarge(long characters, long limit) =>
        $"too large: {characters:N0} characters or more, over the limit of {limit:N0} (ingestion:maxDocumentCharacters)";

    public static string ParagraphTooLarge(int paragraph, long characters, long limit) =>
        $"too large: paragraph {paragraph} has {characters:N0} characters, over the limit of {limit:N0} (ingestion:maxParagraphCharacters)";

    public static string EmptyFile(string fileName) =>
        $"'{fileName}' is empty (no text, or whitespace only).";

    public static string BinaryFile(string fileName, long offset) =>
        $"'{fileName}' looks like a binary file, not text (control bytes, the first at byte offset {offset}).";

    public static string CatalogInvalid(string fileName, long? line, long? position, string detail) =>
        line is null
            ? $"'{fileName}' is not a valid catalogue: {detail}"
            : $"'{fileName}' is not a valid catalogue at line {line + 1}, position {position + 1}: {detail}";

    public static string YearUnknown(string fileName, string id) =>
        $"year unknown: neither the catalogue, the document's metadata, its text, its file properties nor its name '{fileName}' gives a year; "
        + $"add it to catalog.json in the seeds folder, e.g. {{ \"documents\": {{ \"{id}\": {{ \"year\": 2024 }} }} }}.";

    public static string CatalogIgnored(string problem) =>
        $"{problem} The build goes on without the catalogue; fix it and rebuild to apply its corrections.";

    public static string NothingReadable(string path, int skipped) =>
        $"Nothing in the seeds folder '{path}' could be read ({skipped} file(s) skipped, each named above); nothing was indexed.";

    // Reasons of skipped entries: SkippedDocument prints them after the file name.
    public static string NotAFileReason(string kind) => $"{kind}, not a regular file";

    public static string DanglingLinkReason(string target) => $"a symbolic link to '{target}', which does not exist";

    public static string LinkLoopReason(string target) => $"a symbolic link that never ends at a file (it loops through '{target}')";

    public static string UnreadableReason(string reason) => $"cannot be read: {reason}";

    public static string EmptyReason() => "empty (no text, or whitespace only)";

    public static string BinaryReason(long? offset) => $"binary, not text (control bytes, the first at byte offset {offset})";

    public static string InvalidReason(long? offset) =>
        $"not text in UTF-8, UTF-16, GB18030/GBK or Big5 (the first bad byte sequence is at byte offset {offset}); save it as UTF-8";
}
