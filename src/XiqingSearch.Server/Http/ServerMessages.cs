namespace XiqingSearch.Server.Http;

/// <summary>
/// Every message the HTTP front end writes itself (parsing the query string). Core's messages come through
/// unchanged, a bad value's with its HTTP name in front (<see cref="AboutParameter"/>).
/// </summary>
internal static class ServerMessages
{
    public static string ExportTooLarge(long rows, int limit) =>
        $"The export would have {rows:N0} rows, over the limit of {limit:N0} (Xiqing:Answers:MaxCsvRows); narrow the query or its filters (year, doc, topic) and export in parts.";

    public static string DocumentTooLarge(long characters, long limit) =>
        $"The document has {characters:N0} characters of text, over the limit of {limit:N0} for one answer (Xiqing:Answers:MaxDocumentCharacters); read it paragraph by paragraph (/api/documents/{{doc}}/paragraphs/{{n}}).";

    public const string IndexOpening = "The index is being opened (or built); try again shortly.";
    // The server's own settings, refused at start-up: the setting, the value and where it came from.
    public static string NotAnAddress(string setting, string value, string source) =>
        Format($"{setting}: '{value}' is not an IP address (from {source}).");

    public static string NotAnOrigin(string setting, string value, string source) =>
        Format($"{setting}: '{value}' is not an origin (scheme://host[:port], e.g. https://portal.example.gov.cn) (from {source}).");

    public static string NotAHeaderName(string setting, string value, string source) =>
        Format($"{setting}: '{value}' is not a header name (from {source}).");

    public static string NotOneOf(string setting, string value, string allowed, string source) =>
        Format($"{setting}: '{value}' is not one of {allowed} (from {source}).");

    public static string OidcIncomplete(string source) =>
        Format($"Xiqing:Auth:Mode is oidc but Xiqing:Auth:Oidc:Authority or Xiqing:Auth:Oidc:ClientId is not set (from {source}).");

    public const string AdminDisabled = "Administration is off: no admin key is configured (Xiqing:AdminKey).";
    public const string AdminUnauthorized = "Missing or wrong admin key (header X-Xiqing-Key or Authorization: Bearer).";
    public const string Internal = "Internal server error.";

    public const string OpenApiDescription =
        "Full-text search over Xiqing District policy documents. Errors are {\"error\": {code, message, position?, " +
        "offset?, length?, parameter?, arguments?}}; arguments hold the values the message is made of, by name, so a client can word the problem itself from the code. For query errors, position is the 1-based column of the problem in q " +
        "(offset + 1), counted in UTF-16 code units; offset and length are the 0-based span. " +
        "Repeated filter parameters (year=2023&year=2024) are ORed; different filters are ANDed.";

    public static string NoRoute(string method, string path, IReadOnlyList<string> routes) =>
        Format($"No route {method} {path}. Routes: {string.Join(", ", routes)} (GET / is the page).");

    public static string AboutParameter(string parameter, string message) =>
        Format($"Parameter '{parameter}': {message}");

    public static string Required(string parameter) =>
        Format($"Parameter '{parameter}' is required.");

    public static string NotAnInteger(string parameter, string value) =>
        Format($"Parameter '{parameter}' must be an integer, not '{value}'.");

    public static string OutOfRange(string parameter, int min, int max) =>
        Format($"Parameter '{parameter}' must be between {min} and {max}.");

    public static string UnknownValue(string parameter, string value, string allowed) =>
        Format($"Parameter '{parameter}' has an unknown value '{value}'; allowed: {allowed}.");

    public static string Repeated(string parameter) =>
        Format($"Parameter '{parameter}' may be given only once.");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
