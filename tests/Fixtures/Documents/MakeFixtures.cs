#:package DocumentFormat.OpenXml@3.3.0
#:project ../../../src/XiqingSearch.Core/XiqingSearch.Core.csproj

// Writes a seed document as a DOCX (Open XML SDK: heading styles, a running header with the document title and a
// "— N —" page-number footer) and as a saved web page (navigation, scripts and a site footer around the article).
// make.sh prints both to PDF (LibreOffice, Chromium) and makes the damaged documents.
// Usage: dotnet run MakeFixtures.cs -- <seed.txt> <output folder> [paragraphs of the page to print]
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using XiqingSearch.Core.Ingestion;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

var seedPath = Path.GetFullPath(args[0]);
var output = Path.GetFullPath(args[1]);
var listed = CorpusReader.ListFiles(Path.GetDirectoryName(seedPath)!).Value;
var file = listed.Single(f => f.Path == seedPath);
var source = CorpusReader.ReadDocument(file, null).Value;
Directory.CreateDirectory(output);

WriteDocx(Path.Combine(output, file.Id + ".docx"), source);
File.WriteAllText(Path.Combine(output, file.Id + ".html"), Html(source, source.Paragraphs.Count), new UTF8Encoding(false));
// The page printed by Chromium: its first paragraphs only, because Chromium embeds CJK glyphs as Type 3 fonts
// (about 100 KB a page), and a few pages show the browser's header and footer as well as all of them.
var printed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : source.Paragraphs.Count;
File.WriteAllText(Path.Combine(output, file.Id + ".print.html"), Html(source, printed), new UTF8Encoding(false));
Console.WriteLine($"{file.Id}: {source.Paragraphs.Count} paragraphs written");

// Style level of a heading: titles (before the first chapter) 0, else the depth of its chapter path.
static int Level(SourceDocument source, XiqingSearch.Core.Ingestion.Paragraph p)
{
    var firstChapter = source.Paragraphs.FirstOrDefault(h => h.Kind == ParagraphKind.Heading
        && System.Text.RegularExpressions.Regex.IsMatch(h.Text, "^(?:[一二三四五六七八九十]+、|第.+章)"));
    return firstChapter is null || p.Number < firstChapter.Number ? 0 : Math.Min(p.Chapter.Count, 3);
}

static void WriteDocx(string path, SourceDocument source)
{
    using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
    var main = document.AddMainDocumentPart();
    var styles = main.AddNewPart<StyleDefinitionsPart>();
    styles.Styles = new Styles(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Noto Serif CJK SC", HighAnsi = "Noto Serif CJK SC", EastAsia = "Noto Serif CJK SC" },
                new FontSize { Val = "24" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        HeadingStyle("Title", "Title", 9, "36", JustificationValues.Center),
        HeadingStyle("Heading1", "heading 1", 0, "32", JustificationValues.Left),
        HeadingStyle("Heading2", "heading 2", 1, "28", JustificationValues.Left),
        HeadingStyle("Heading3", "heading 3", 2, "24", JustificationValues.Left));

    var header = main.AddNewPart<HeaderPart>();
    header.Header = new Header(new WParagraph(
        new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
        new Run(new RunProperties(new FontSize { Val = "20" }), new Text(source.Title))));
    var footer = main.AddNewPart<FooterPart>();
    footer.Footer = new Footer(new WParagraph(
        new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
        new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
        new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));

    var body = new Body();
    foreach (var paragraph in source.Paragraphs)
    {
        var properties = new ParagraphProperties();
        if (paragraph.Kind == ParagraphKind.Heading)
        {
            properties.ParagraphStyleId = new ParagraphStyleId { Val = Level(source, paragraph) switch { 0 => "Title", 1 => "Heading1", 2 => "Heading2", _ => "Heading3" } };
        }
        else
        {
            properties.Indentation = new Indentation { FirstLineChars = 200 };
        }
        body.Append(new WParagraph(properties, new Run(new Text(paragraph.Text) { Space = SpaceProcessingModeValues.Preserve })));
    }
    body.Append(new SectionProperties(
        new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
        new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
    main.Document = new Document(body);
}

static Style HeadingStyle(string id, string name, int outline, string size, JustificationValues justification) =>
    new(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
        new StyleParagraphProperties(new KeepNext(), new Justification { Val = justification }, new OutlineLevel { Val = outline }),
        new StyleRunProperties(new Bold(), new FontSize { Val = size }))
    { Type = StyleValues.Paragraph, StyleId = id };

static string Html(SourceDocument source, int count)
{
    var html = new StringBuilder();
    var title = WebUtility.HtmlEncode(source.Title);
    html.Append($$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>{{title}}</title>
        <style>
          body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt; line-height: 1.7; margin: 0 auto; max-width: 42em; }
          p { text-indent: 2em; margin: 0.4em 0; }
          @media print { .site, nav, footer { display: none; } }
        </style>
        <script>window.dataLayer = ["天开西青园", "页面统计"];</script>
        </head>
        <body>
        <header class="site">天津市西青区人民政府 政务公开 首页 &gt; 规划计划</header>
        <nav><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/ghjh">规划计划</a> <a href="/hdjl">互动交流</a></nav>
        <main><article>

        """);
    foreach (var paragraph in source.Paragraphs.Take(count))
    {
        var text = WebUtility.HtmlEncode(paragraph.Text);
        if (paragraph.Kind == ParagraphKind.Heading)
        {
            var level = Level(source, paragraph);
            html.Append($"<h{level + 1}>{text}</h{level + 1}>\n");
        }
        else
        {
            html.Append($"<p>{text}</p>\n");
        }
    }
    html.Append("""
        </article></main>
        <footer>主办：天津市西青区人民政府办公室　网站标识码 1201110001　津ICP备05004350号</footer>
        </body>
        </html>

        """);
    return html.ToString();
}
