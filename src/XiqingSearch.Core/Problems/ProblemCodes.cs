namespace XiqingSearch.Core.Problems;

/// <summary>
/// The stable problem codes. Front ends map them (the CLI to exit codes, HTTP to status codes); tests assert on them.
/// Each area adds its own codes here so the whole list stays in one place.
/// </summary>
public static class ProblemCodes
{
    // SmartCn dictionaries
    public const string SmartCnJarMissing = "smartcn.jar-missing";
    public const string SmartCnJarInvalid = "smartcn.jar-invalid";

    // Ingestion
    public const string SeedsFolderMissing = "ingest.folder-missing";
    public const string SeedsFolderEmpty = "ingest.folder-empty";
    public const string InvalidUtf8 = "ingest.invalid-utf8";
    public const string EmptyFile = "ingest.empty-file";
    public const string BinaryFile = "ingest.binary-file";
    public const string CatalogInvalid = "ingest.catalog-invalid";
    public const string NotAFile = "ingest.not-a-file";
    public const string BrokenLink = "ingest.broken-link";
    public const string Unreadable = "ingest.unreadable";

    // Laid-out documents that cannot be read: skipped (and listed) while the rest of the corpus is indexed.
    public const string NoTextLayer = "ingest.no-text-layer";
    public const string DocumentEncrypted = "ingest.document-encrypted";
    public const string DocumentCorrupt = "ingest.document-corrupt";
    public const string UnmappedText = "ingest.unmapped-text";

    /// <summary>A document over one of the reader limits (<c>IngestLimits</c>): skipped and named with the limit.</summary>
    public const string DocumentTooLarge = "ingest.document-too-large";

    // Settings
    public const string SettingsInvalid = "settings.invalid";

    // Index
    public const string IndexMissing = "index.missing";
    public const string IndexIncompatible = "index.incompatible";
    public const string IndexBusy = "index.busy";
    public const string IndexReadOnly = "index.read-only";
    public const string IndexPathIsFile = "index.path-is-file";
    public const string IndexCannotCreate = "index.cannot-create";
    public const string IndexWriteFailed = "index.write-failed";

    // Query
    public const string QuerySyntax = "query.syntax";
    public const string QueryUnclosedQuote = "query.unclosed-quote";
    public const string QueryUnbalancedParenthesis = "query.unbalanced-parenthesis";
    public const string QueryEmpty = "query.empty";
    public const string QueryTooLong = "query.too-long";
    public const string QueryUnknownField = "query.unknown-field";
    public const string QueryBadRange = "query.bad-range";
    public const string QueryEmptyPhrase = "query.empty-phrase";
    public const string QueryTooManyClauses = "query.too-many-clauses";

    // Search
    public const string SearchTimeout = "search.timeout";

    // Request parameters
    public const string BadParameter = "request.bad-parameter";

    // Document lookup
    public const string NotFound = "request.not-found";
}
