namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// Every problem the search layer raises — request values, query syntax and meaning, the engine — worded in one
/// place. Each has a stable code and the arguments its message is made of (<c>reason</c> tells apart the cases
/// one code covers), so a front end can word it in another language from those alone; the English here names no
/// front end's spelling (no <c>--limit</c>, no <c>q=</c>): a bad value carries its <see cref="RequestParameter"/>
/// and the front end puts its own name in front. Tests assert on codes, parameters and spans, not on this text.
/// </summary>
internal static class SearchMessages
{
    // ---- Request values ------------------------------------------------------------------------------------

    public static Problem QueryTooLong(string query, int max) =>
        Make(ProblemCodes.QueryTooLong,
            Format($"The query has {query.Length} characters; at most {max} are allowed."),
            ("reason", "too-long"), ("length", Number(query.Length)), ("max", Number(max)))
        with
        { Source = query, Span = new TextSpan(max, query.Length), Parameter = RequestParameter.Query };

    public static Problem OutOfRange(RequestParameter parameter, long value, int min, int max) =>
        Bad(parameter, Format($"{Subject(parameter)} must be between {min} and {max}, not {value}."),
            ("reason", "out-of-range"), ("value", Number(value)), ("min", Number(min)), ("max", Number(max)));

    public static Problem TooManyValues(RequestParameter parameter, int count, int max) =>
        Bad(parameter, Format($"{Subject(parameter)} may have at most {max} values, not {count}."),
            ("reason", "too-many-values"), ("count", Number(count)), ("max", Number(max)));

    public static Problem ValueTooLong(RequestParameter parameter, int length, int max) =>
        Bad(parameter, Format($"{Subject(parameter)} may have at most {max} characters, not {length}."),
            ("reason", "too-long"), ("length", Number(length)), ("max", Number(max)));

    public static Problem UnknownValue(RequestParameter parameter, string value, IReadOnlyList<string> allowed) =>
        Bad(parameter, Format($"{Subject(parameter)} must be {Listed(allowed)}, not '{value}'."),
            ("reason", "unknown-value"), ("value", value), ("allowed", string.Join(", ", allowed)));

    public static Problem NotAnInteger(RequestParameter parameter, string value) =>
        Bad(parameter, Format($"{Subject(parameter)} must be a whole number, not '{value}'."),
            ("reason", "not-an-integer"), ("value", value));

    public static Problem BadYear(string value) =>
        Bad(RequestParameter.Year,
            Format($"A year is four digits ({SearchLimits.MinYear}..{SearchLimits.MaxYear}), a range of them (2021..2023) or unknown, not '{value}'."),
            ("reason", "bad-year"), ("value", value), ("min", Number(SearchLimits.MinYear)), ("max", Number(SearchLimits.MaxYear)));

    public static Problem NoPhrases() =>
        Bad(RequestParameter.Query, "Give at least one phrase to compare.", ("reason", "required"));

    public static Problem TooManyPhrases(int count, int max) =>
        Bad(RequestParameter.Query, Format($"{count} phrases given; at most {max} can be compared at once."),
            ("reason", "too-many-values"), ("count", Number(count)), ("max", Number(max)));

    public static Problem OwnYearsNotForNewTerms() =>
        Bad(RequestParameter.MultiYear,
            "New terms compare years, so a multi-year document counts under its first year (first-year) or is left out (exclude); 'own' applies to comparing phrases.",
            ("reason", "unknown-value"), ("value", "own"), ("allowed", "first-year, exclude"));

    public static Problem SinceAfterYear(int since, int year) =>
        Bad(RequestParameter.Since, Format($"The first year compared ({since}) must not be after the year ({year})."),
            ("reason", "since-after-year"), ("since", Number(since)), ("year", Number(year)));

    // ---- Lookups ------------------------------------------------------------------------------------------

    public static Problem NoSuchDocument(string doc) =>
        Make(ProblemCodes.NotFound, $"No document {doc} in the index.", ("reason", "no-document"), ("doc", doc))
        with
        { Source = doc, Parameter = RequestParameter.Doc };

    public static Problem NoSuchOriginal(string doc, string file) =>
        Make(ProblemCodes.NotFound, $"Document {doc} has no source file {file} in the seeds folder.",
            ("reason", "no-original"), ("doc", doc), ("file", file))
        with
        { Parameter = RequestParameter.Doc };

    public static Problem NoSuchParagraph(string doc, int paragraph, int last) =>
        Make(ProblemCodes.NotFound, Format($"Document {doc} has no paragraph {paragraph}: its paragraphs are 1–{last}."),
            ("reason", "no-paragraph"), ("doc", doc), ("paragraph", Number(paragraph)), ("last", Number(last)))
        with
        { Source = Format($"{doc}#{paragraph}"), Parameter = RequestParameter.Paragraph };

    public static Problem NoDocumentsOfYear(int year, IEnumerable<int> years) =>
        Make(ProblemCodes.NotFound, Format($"No documents of {year} in the index; its years are {string.Join(", ", years)}."),
            ("reason", "no-year"), ("year", Number(year)), ("years", string.Join(", ", years)))
        with
        { Parameter = RequestParameter.Year };

    // ---- The index ----------------------------------------------------------------------------------------

    public static Problem IndexMissing(string index, string seeds) =>
        Make(ProblemCodes.IndexMissing, $"No index in {index}: build it from the sources in {seeds} first.",
            ("index", index), ("seeds", seeds));

    public static Problem IndexIncompatible(string index, string found, string current) =>
        Make(ProblemCodes.IndexIncompatible,
            $"The index in {index} was built by another version ({found}, this is {current}); rebuild it.",
            ("index", index), ("found", found), ("current", current));

    // ---- Running a query ----------------------------------------------------------------------------------

    public static Problem TooManyClauses(string query, int clauses, int max) =>
        Make(ProblemCodes.QueryTooManyClauses,
            Format($"The query has {clauses} phrases and filters; at most {max} are allowed. Split it into several searches."),
            ("clauses", Number(clauses)), ("max", Number(max)))
        with
        { Source = query, Span = new TextSpan(0, query.Length) };

    public static Problem Timeout(string query, TimeSpan budget) =>
        Make(ProblemCodes.SearchTimeout,
            Format($"The query ran longer than its budget of {budget.TotalSeconds:0.#} s and was stopped; narrow it (longer phrases, fewer OR terms, a year or topic filter)."),
            ("seconds", budget.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)))
        with
        { Source = query };

    // ---- Query syntax: the position is set by the query compiler ------------------------------------------

    public static Problem QueryEmpty() =>
        Make(ProblemCodes.QueryEmpty, "The query is empty: type a phrase such as 天开西青园.", ("reason", "empty"));

    public static Problem NothingToFind() =>
        Make(ProblemCodes.QueryEmpty, "The query has nothing to search for (only operators or stop characters).",
            ("reason", "nothing-to-find"));

    public static Problem OnlyExclusions() =>
        Make(ProblemCodes.QuerySyntax, "A query needs at least one phrase to find; NOT and - only exclude (e.g. 西青 -天开).",
            ("reason", "only-exclusions"));

    public static Problem Unreadable() =>
        Make(ProblemCodes.QuerySyntax, "The query has a character the parser cannot read here.", ("reason", "unreadable"));

    public static Problem NotValidHere() =>
        Make(ProblemCodes.QuerySyntax, "The query is not valid here.", ("reason", "not-valid"));

    public static Problem EndsEarly(string? next) =>
        Make(ProblemCodes.QuerySyntax,
            "The query ends too early: something is missing after the last operator." + ExpectedHint(next),
            ("reason", "ends-early"));

    public static Problem CannotStandHere(string token) =>
        Make(ProblemCodes.QuerySyntax, $"'{token}' cannot stand here." + ExpectedHint(token),
            ("reason", "cannot-stand-here"), ("token", token));

    public static Problem CloseWithoutOpen() =>
        Make(ProblemCodes.QueryUnbalancedParenthesis, "This ')' closes nothing: there is no '(' before it.",
            ("reason", "close-without-open"));

    public static Problem OpenNeverClosed() =>
        Make(ProblemCodes.QueryUnbalancedParenthesis, "This '(' is never closed: add a ')' after the group.",
            ("reason", "open-never-closed"));

    public static Problem UnclosedQuote() =>
        new(ProblemCodes.QueryUnclosedQuote, "This quote is never closed: add a closing \" after the phrase.");

    /// <summary><paramref name="problem"/>, an unclosed quote, named by the quote the user typed (“, 「, …).</summary>
    public static Problem UnclosedTypedQuote(Problem problem, char open, char close) =>
        problem.With(("quote", open.ToString()), ("close", close.ToString())) with
        {
            Message = $"This quote {open} is never closed: add a closing {close} after the phrase.",
        };

    /// <summary><paramref name="problem"/> of the <paramref name="number"/>th compared phrase, named in front.</summary>
    public static Problem InComparedPhrase(Problem problem, int number, string phrase) =>
        problem.With(("phrase", phrase), ("phraseNumber", Number(number))) with
        {
            Message = Format($"Phrase {number} ({phrase}): {problem.Message}"),
        };

    // ---- Query meaning: a field clause that parses but means nothing here ---------------------------------

    public static Problem BadKind(string value) =>
        Make(ProblemCodes.QuerySyntax, $"kind must be {Listed(ParagraphKindNamesList)}, not '{value}'.",
            ("reason", "bad-kind"), ("value", value));

    public static Problem BadOcr(string value) =>
        Make(ProblemCodes.QuerySyntax, $"ocr must be true (text recognised from scans) or false (exact text only), not '{value}'.",
            ("reason", "bad-ocr"), ("value", value));

    public static Problem EmptyChapter() =>
        new(ProblemCodes.QueryEmptyPhrase,
            "chapter: needs a heading phrase to look for (chapter:京津冀); an empty phrase or a lone * finds nothing.");

    public static Problem EmptyField(string field) =>
        new(ProblemCodes.QueryEmptyPhrase,
            Format($"{field}: needs something to look for ({field}:{(field == "number" ? "\"国发〔2018〕38号\"" : "国务院")}); an empty phrase or a lone * finds nothing."));

    public static Problem Proximity() =>
        Make(ProblemCodes.QuerySyntax,
            "Proximity (\"…\"~N) is not supported: a quoted phrase always matches exactly, ignoring whitespace.",
            ("reason", "proximity"));

    public static Problem RangeOnField(string field) =>
        Make(ProblemCodes.QueryBadRange, $"Ranges work on year only (year:[2021 TO 2023]), not on {field}.",
            ("reason", "range-field"), ("field", field));

    public static Problem BadQueryYear(string value) =>
        Make(ProblemCodes.QueryBadRange,
            Format($"A year is four digits ({SearchLimits.MinYear}..{SearchLimits.MaxYear}; year:2024, year:[2021 TO 2023] or year:unknown), not '{value}'."),
            ("reason", "bad-year"), ("value", value));

    public static Problem UnknownField(string field, IReadOnlyList<string> fields) =>
        Make(ProblemCodes.QueryUnknownField,
            $"Unknown field '{field}'. Fields: {string.Join(", ", fields)}. To search for a colon in text, put the phrase in quotes.",
            ("field", field), ("fields", string.Join(", ", fields)));

    /// <summary><paramref name="feature"/> is <c>wildcard</c>, <c>regexp</c>, <c>prefix</c> or <c>fuzzy</c>.</summary>
    public static Problem Unsupported(string feature, string field)
    {
        var what = feature switch
        {
            "wildcard" => "Wildcards are",
            "regexp" => "Regular expressions are",
            "prefix" => "A trailing * is",
            _ => "Fuzzy matching (~) is",
        };
        return Make(ProblemCodes.QuerySyntax,
            $"{what} not supported on {field}; phrases already match anywhere in the text.",
            ("reason", "unsupported"), ("feature", feature), ("field", field));
    }

    private static readonly IReadOnlyList<string> ParagraphKindNamesList = Ingestion.ParagraphKindNames.All;

    private static string ExpectedHint(string? token) => token switch
    {
        "AND" or "OR" or "NOT" or "&&" or "||" => " An operator needs a phrase on each side; to search the word itself, put it in quotes.",
        ":" => " A field name goes before the colon (year:2024).",
        _ => string.Empty,
    };

    /// <summary>How a message names a parameter, in no front end's spelling.</summary>
    private static string Subject(RequestParameter parameter) => parameter switch
    {
        RequestParameter.Query => "The query",
        RequestParameter.Limit => "The page size",
        RequestParameter.Offset => "The number of hits to skip",
        RequestParameter.Sort => "The order",
        RequestParameter.Year => "The year filter",
        RequestParameter.Topic => "The topic filter",
        RequestParameter.Chapter => "The chapter filter",
        RequestParameter.Heading => "The heading filter",
        RequestParameter.Doc => "The document filter",
        RequestParameter.Kind => "The kind",
        RequestParameter.Type => "The document type",
        RequestParameter.Context => "The number of neighbouring paragraphs",
        RequestParameter.Paragraph => "The paragraph number",
        RequestParameter.Since => "The first year compared",
        RequestParameter.MultiYear => "The multi-year mode",
        RequestParameter.Format => "The format",
        RequestParameter.Ocr => "The OCR filter",
        RequestParameter.Exact => "Exact matching",
        // A filter declared later is named by its parameter until it is given words of its own.
        _ => "The " + parameter.ToString().ToLowerInvariant() + " filter",
    };

    private static string Listed(IReadOnlyList<string> values) =>
        values.Count == 1 ? values[0] : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1];

    private static Problem Bad(RequestParameter parameter, string message, params (string Name, string Value)[] arguments) =>
        Make(ProblemCodes.BadParameter, message, arguments) with { Parameter = parameter };

    private static Problem Make(string code, string message, params (string Name, string Value)[] arguments) =>
        new Problem(code, message).With(arguments);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
