namespace XiqingSearch.Core.Ingestion;

/// <summary>The wording of every ingestion problem, in one place; tests assert on codes and spans, not on these.</summary>
internal static class IngestMessages
{
    public static string FolderMissing(string path) =>
        $"The seeds folder '{path}' does not exist. Point to the documents with --seeds DIR (or XIQING_SEEDS, or \"seeds\" in xiqing.json), or run where a seeds/ folder is.";

    public static string FolderEmpty(string path) =>
        $"The seeds folder '{path}' holds no *.txt, *.md, *.pdf, *.docx, *.html or *.htm files.";

    public static string InvalidUtf8(string fileName, long offset, bool looksLikeGb18030) =>
        $"'{fileName}' is not valid UTF-8: the first bad byte sequence is at byte offset {offset}."
        + (looksLikeGb18030
            ? $" It looks like GB18030/GBK; convert it with `iconv -f GB18030 -t UTF-8 {fileName}`."
            : string.Empty);

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

    public static string YearNotFound(string fileName) =>
        $"No year could be read from the text of '{fileName}'. Add it to catalog.json in the seeds folder, e.g. "
        + "{ \"documents\": { \"<file name without extension>\": { \"year\": 2024 } } }.";

    public static string LinkLoop(string fileName, string target) =>
        $"'{fileName}' is a symbolic link that never ends at a file (it loops through '{target}'); remove or fix the link.";

    public static string DanglingLink(string fileName, string target) =>
        $"'{fileName}' is a symbolic link to '{target}', which does not exist; remove or fix the link.";

    public static string NotAFile(string fileName, string kind) =>
        $"'{fileName}' is {kind}, not a regular file, so it is not read; remove it from the seeds folder or rename it.";

    public static string Unreadable(string fileName, string reason) =>
        $"'{fileName}' cannot be read: {reason}. Make it readable, or remove it from the seeds folder.";
}
