using System.CommandLine;
using System.Globalization;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Results;
using XiqingSearch.Core.Search;

namespace XiqingSearch.Cli.Commands;

/// <summary><c>xiqing show DOC#PARAGRAPH</c>: one paragraph with its neighbours, chapter path and source lines.</summary>
internal static class ShowCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var id = new Argument<string>("DOC#PARAGRAPH")
        {
            Description = "A hit's id as search prints it, e.g. 000_313d8db390bab93c#12.",
        };
        var context = new Option<int>("--context")
        {
            Description = "Paragraphs to show before and after.",
            HelpName = "N",
            DefaultValueFactory = _ => 2,
        };
        context.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--context must be 0 or more.");
            }
        });
        var locations = new LocationOptions();
        var command = new Command("show", """
            Show a paragraph in context: its chapter path, source file and line range, and N paragraphs around it.
            """)
        {
            id, context,
        };
        locations.AddTo(command);
        command.SetAction(parseResult => CommandRunner.Run(() =>
        {
            var text = parseResult.GetValue(id) ?? "";
            var (doc, paragraph) = ParseId(text);
            using var engine = EngineLoader.Open(locations.Resolve(parseResult));
            var found = CommandRunner.Unwrap(engine.GetParagraph(doc, paragraph, parseResult.GetValue(context)));
            Write(found, StyledWriter.ForStdout(Console.Out));
            return ExitCodes.Success;
        }));
        return ExamplesHelpAction.WithExamples(command, """
            xiqing show 000_313d8db390bab93c#12
            xiqing show 003_7844a359d923be1e#140 --context 5
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
                new TextSpan(hash < 0 ? text.Length : 0, text.Length)));
        }
        if (!int.TryParse(text.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var paragraph) || paragraph < 1)
        {
            throw new XiqingException(new Problem(ProblemCodes.BadParameter,
                "the paragraph number after '#' must be a whole number from 1", text,
                new TextSpan(hash + 1, text.Length)));
        }
        return (text[..hash], paragraph);
    }

    private static void Write(ParagraphContext found, StyledWriter output)
    {
        var p = found.Paragraph;
        output
            .Append(found.Year.ToString(CultureInfo.InvariantCulture), "bold cyan")
            .Append(" · ")
            .Append(found.Title, "bold")
            .EndLine();
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
            .EndLine();
        output.Line();
        foreach (var before in found.Before)
        {
            WriteParagraph(before, output, isTarget: false);
        }
        WriteParagraph(p, output, isTarget: true);
        foreach (var after in found.After)
        {
            WriteParagraph(after, output, isTarget: false);
        }
    }

    private static void WriteParagraph(ParagraphView view, StyledWriter output, bool isTarget)
    {
        output
            .Append(isTarget ? "> " : "  ", "bold yellow")
            .Append(string.Create(CultureInfo.InvariantCulture, $"#{view.Paragraph}"), "dim")
            .Append(view.Kind == "paragraph" ? "" : $" [{view.Kind}]", "dim")
            .Append(" ")
            .Append(TextWindow.Flatten(view.Text), isTarget ? "bold" : null)
            .EndLine();
    }
}
