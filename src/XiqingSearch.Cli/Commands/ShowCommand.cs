using System.CommandLine;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Export;
using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Cli.Commands;

/// <summary><c>xiqing show DOC#PARAGRAPH</c>: one paragraph with its neighbours, chapter path and source lines.</summary>
internal static class ShowCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var id = new Argument<string>("DOC#PARAGRAPH")
        {
            Description = "A hit's id as search prints it, e.g. 000_313d8db390bab93c#12; with --all a document id alone.",
        };
        var all = new Option<bool>("--all") { Description = "The whole document, every paragraph in reading order." };
        var query = new Option<string>("--query", "-q")
        {
            Description = "Highlight every occurrence of this query.",
            HelpName = "QUERY",
        };
        var context = new Option<int>("--context")
        {
            Description = $"Paragraphs to show before and after (0..{SearchLimits.MaxContext}).",
            HelpName = "N",
            DefaultValueFactory = _ => SearchLimits.DefaultContext,
        };
        var locations = new LocationOptions();
        var command = new Command("show", """
            Show a paragraph in context: its chapter path, source file and line range, and N paragraphs around it.
            """)
        {
            id, context, all, query,
        };
        locations.AddTo(command);
        var groups = CallerOption.Create();
        command.Add(groups);
        command.SetAction(parseResult => CommandRunner.Run(() =>
        {
            var text = parseResult.GetValue(id) ?? "";
            var q = parseResult.GetValue(query);
            if (parseResult.GetValue(all))
            {
                var hash = text.LastIndexOf('#');
                using var documentEngine = EngineLoader.Open(locations.ResolveForReading(parseResult));
                var document = CommandRunner.Unwrap(documentEngine.GetDocument(hash > 0 ? text[..hash] : text, q, CallerOption.Of(parseResult, groups)));
                WriteDocument(document, StyledWriter.ForStdout(Console.Out));
                return ExitCodes.Success;
            }
            var (doc, paragraph) = ParseId(text);
            using var engine = EngineLoader.Open(locations.ResolveForReading(parseResult));
            var found = CommandRunner.Unwrap(engine.GetParagraph(doc, paragraph, parseResult.GetValue(context), CallerOption.Of(parseResult, groups)));
            var highlights = string.IsNullOrWhiteSpace(q) ? null : CommandRunner.Unwrap(engine.GetDocument(doc, q, CallerOption.Of(parseResult, groups)));
            Write(found, highlights, StyledWriter.ForStdout(Console.Out));
            return ExitCodes.Success;
        }));
        return ExamplesHelpAction.WithExamples(command, """
            xiqing show 000_313d8db390bab93c#12
            xiqing show 003_7844a359d923be1e#140 --context 5 --query 乡村振兴
            xiqing show 004_e4f3d8be122b771a --all --query 天开西青园
            """);
    }

    /// <summary>Splits <c>doc#n</c>; a <c>request.bad-parameter</c> problem with the bad part's span otherwise.</summary>
    public static (string Doc, int Paragraph) ParseId(string text)
    {
        var hash = text.LastIndexOf('#');
        if (hash <= 0)
        {
            throw new XiqingException(new Problem(ProblemCodes.BadParameter,
                "expected DOC#PARAGRAPH, for example 000_313d8db390bab93c#12", text,
                new TextSpan(hash < 0 ? text.Length : 0, text.Length)).With(("reason", "bad-hit-id")));
        }
        if (!int.TryParse(text.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var paragraph) || paragraph < 1)
        {
            throw new XiqingException(new Problem(ProblemCodes.BadParameter,
                "the paragraph number after '#' must be a whole number from 1", text,
                new TextSpan(hash + 1, text.Length)).With(("reason", "bad-paragraph-number")));
        }
        return (text[..hash], paragraph);
    }

    private static void WriteDocument(DocumentView document, StyledWriter output)
    {
        output
            .Append(document.Period ?? YearLabel.Of(document.Year), "bold cyan")
            .Append(" · ")
            .Append(document.Title, "bold")
            .Append(" · " + document.Type, "dim")
            .EndLine();
        WriteFacts(document.Issuer, document.Number, document.WrittenDate, document.PublishedDate, document.SourceUrl, output);
        foreach (var warning in document.Warnings)
        {
            output.Append("warning: ", "dim").Append(warning, "yellow").EndLine();
        }
        output.Append("source:  ", "dim").Append(document.File + ", ").Append(
            string.Create(CultureInfo.InvariantCulture, $"{document.Paragraphs.Count} paragraphs")).EndLine();
        if (document.Query is not null)
        {
            output.Append("query:   ", "dim").Append(document.Query, "bold").Append(string.Create(CultureInfo.InvariantCulture,
                $": {document.TotalOccurrences} occurrences in {document.HitParagraphs.Count} paragraphs")).EndLine();
        }
        output.Line();
        foreach (var p in document.Paragraphs)
        {
            WriteParagraph(p.Paragraph, p.Kind, p.Text, p.Highlights, output, isTarget: p.Highlights.Count > 0);
        }
    }

    private static void Write(ParagraphContext found, DocumentView? highlights, StyledWriter output)
    {
        var p = found.Paragraph;
        output
            .Append(YearLabel.Of(found.Year), "bold cyan")
            .Append(" · ")
            .Append(found.Title, "bold")
            .EndLine();
        WriteFacts(found.Issuer, found.Number, found.WrittenDate, found.PublishedDate, found.SourceUrl, output);
        output.Append("chapter: ", "dim").Append(p.Chapter.Count == 0 ? "(none)" : ChapterPath.Join(p.Chapter), "blue").EndLine();
        output.Append("topic:   ", "dim").Append(p.Topic, "magenta");
        if (p.TopicKeywords.Count > 0)
        {
            // Why this topic: the taxonomy keywords that decided it, strongest first.
            output.Append("  (" + string.Join("、", p.TopicKeywords) + ")", "dim");
        }
        output.EndLine();
        output.Append("source:  ", "dim")
            .Append(string.Create(CultureInfo.InvariantCulture, $"{found.File}, lines {p.FirstLine}–{p.LastLine}"))
            .Append(PageLabel.Of(p.FirstPage, p.LastPage) is { } page ? ", " + page : string.Empty)
            .Append(OcrLabel.Of(p.Ocr, p.OcrConfidence) is { } recognised ? "  " + recognised : string.Empty, "yellow")
            .EndLine();
        output.Line();
        var spans = highlights?.Paragraphs.ToDictionary(d => d.Paragraph, d => d.Highlights) ?? [];
        foreach (var view in found.Before.Append(p).Concat(found.After))
        {
            WriteParagraph(view.Paragraph, view.Kind, view.Text, spans.GetValueOrDefault(view.Paragraph) ?? [], output,
                isTarget: view.Paragraph == p.Paragraph);
        }
    }

    /// <summary>The document's issuer, 文号 and dates on one line, and where it was published on the next.</summary>
    private static void WriteFacts(string? issuer, string? number, string? written, string? published, string? url, StyledWriter output)
    {
        if (YearLabel.Facts(issuer, number, written, published) is { Length: > 0 } facts)
        {
            output.Append("issued:  ", "dim").Append(facts).EndLine();
        }
        if (url is not null)
        {
            output.Append("url:     ", "dim").Append(url, "blue").EndLine();
        }
    }

    private static void WriteParagraph(int paragraph, string kind, string text, IReadOnlyList<TextSpan> highlights,
        StyledWriter output, bool isTarget)
    {
        var number = string.Create(CultureInfo.InvariantCulture, $"#{paragraph}");
        output
            .Append(isTarget ? "> " : "  ", "bold yellow")
            .Append(number, "dim")
            .Append(kind == "paragraph" ? "" : $" [{kind}]", "dim")
            .Append(" ");
        if (highlights.Count > 0)
        {
            // Plain output shows highlights as [[…]], so they survive a pipe; a terminal shows them in colour.
            TextRenderer.AppendHighlighted(text, highlights, output, output.IsColored ? null : ("[[", "]]"));
        }
        else
        {
            output.Append(TextWindow.Flatten(text));
        }
        output.EndLine(continuationIndent: 2 + number.Length + 1);
    }
}
