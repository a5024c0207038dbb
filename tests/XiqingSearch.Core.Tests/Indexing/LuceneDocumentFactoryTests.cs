using System.Globalization;
using System.Reflection;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Tests.Ingestion;
using FSDirectory = Lucene.Net.Store.FSDirectory;
using Postings = Lucene.Net.Index.IndexOptions;

namespace XiqingSearch.Core.Tests.Indexing;

/// <summary>
/// The declared fields (<see cref="FieldNames.All"/>) write what the hand-written factory of schema xiqing-13 wrote
/// (<see cref="ReferenceDocumentFactory"/>, the oracle): the same fields with the same types, values and tokens for
/// every paragraph of the seeds, of the real HTML fixtures (metadata) and of variants that carry every optional
/// field, and the same index files byte for byte. So the schema is unchanged.
/// </summary>
public sealed class LuceneDocumentFactoryTests
{
    private static readonly Lazy<IReadOnlyList<(SourceDocument Document, Paragraph Paragraph)>> s_paragraphs = new(Paragraphs);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Create_EveryParagraph_SameFieldsAsTheReferenceFactory(bool writerGivesSmartCn)
    {
        using var smartCn = new SmartCnAnalyzer(SmartCnDictionary.Shared(SmartCnOptions.For(null)));
        using var analyzer = IndexAnalyzers.Create(smartCn);
        var given = writerGivesSmartCn ? analyzer : null;

        foreach (var (document, paragraph) in s_paragraphs.Value)
        {
            var expected = Describe(ReferenceDocumentFactory.Create(document, paragraph, given), analyzer);
            var actual = Describe(LuceneDocumentFactory.Create(document, paragraph, given), analyzer);

            Assert.True(expected.SequenceEqual(actual),
                $"{paragraph.Doc}#{paragraph.Number}:\nexpected\n{string.Join('\n', expected)}\nactual\n{string.Join('\n', actual)}");
        }
    }

    [Fact]
    public void Create_ParagraphsIntoAnIndex_SameFilesByteForByteAsTheReferenceFactory()
    {
        var root = Path.Combine(Path.GetTempPath(), "xiqing-fields-" + Guid.NewGuid().ToString("N"));
        try
        {
            var expected = Write(Path.Combine(root, "reference"), ReferenceDocumentFactory.Create);
            var actual = Write(Path.Combine(root, "declared"), LuceneDocumentFactory.Create);

            // The segment info (.si) holds the time it was written, the commit point its generation: the rest is
            // what the documents decide.
            static bool Compared(string file) => !file.EndsWith(".si", StringComparison.Ordinal) && !file.StartsWith("segments", StringComparison.Ordinal);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            Assert.Contains(expected.Keys, f => f.EndsWith(".fnm", StringComparison.Ordinal));
            Assert.Contains(expected.Keys, f => f.EndsWith(".fdt", StringComparison.Ordinal));
            Assert.Contains(expected.Keys, f => f.EndsWith(".dvd", StringComparison.Ordinal));
            Assert.Contains(expected.Keys, f => f.EndsWith(".pos", StringComparison.Ordinal));
            foreach (var file in expected.Keys.Where(Compared))
            {
                Assert.True(expected[file].AsSpan().SequenceEqual(actual[file]), $"{file} differs");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Create_ParagraphsIntoAnIndex_FieldInfosAsDeclared()
    {
        var root = Path.Combine(Path.GetTempPath(), "xiqing-fields-" + Guid.NewGuid().ToString("N"));
        try
        {
            Write(root, LuceneDocumentFactory.Create);
            using var directory = FSDirectory.Open(root);
            using var reader = DirectoryReader.Open(directory);
            var leaf = Assert.Single(reader.Leaves).AtomicReader;
            var infos = leaf.FieldInfos;

            Assert.Equal(FieldNames.All.Select(f => f.Name).Order(StringComparer.Ordinal), infos.Select(i => i.Name).Order(StringComparer.Ordinal));
            foreach (var field in FieldNames.All)
            {
                var info = infos.FieldInfo(field.Name);
                Assert.Equal(field.Search != FieldSearch.None, info.IsIndexed);
                Assert.Equal(field.DocValues switch
                {
                    FieldDocValues.Sorted => DocValuesType.SORTED,
                    FieldDocValues.Numeric => DocValuesType.NUMERIC,
                    _ => DocValuesType.NONE,
                }, info.DocValuesType);
                if (info.IsIndexed)
                {
                    Assert.Equal(field.Search switch
                    {
                        FieldSearch.Text when field.Offsets => Postings.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
                        FieldSearch.Text => Postings.DOCS_AND_FREQS_AND_POSITIONS,
                        _ => Postings.DOCS_ONLY,
                    }, info.IndexOptions);
                    Assert.Equal(field.Search == FieldSearch.Text && field.Norms, info.HasNorms);
                }
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void All_EveryFieldName_DeclaredExactlyOnce()
    {
        var names = typeof(FieldNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(names, FieldNames.All.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(FieldNames.All, f => Assert.True(f.Value is null != f.Values is null, f.Name));
        Assert.All(FieldNames.All, f => Assert.Equal(f.Search == FieldSearch.Text, f.Analyzer != FieldAnalyzer.None));
    }

    [Fact]
    public void All_FieldsTheFacetsRead_WrittenAsTheFacetReadsThem()
    {
        foreach (var facet in FacetDeclarations.All.Where(f => f.Field is not null))
        {
            var field = FieldNames.Declared(facet.Field!);
            Assert.NotNull(field);
            if (facet.PerDocument)
            {
                // Read once per document from the stored fields of its first paragraph.
                Assert.Equal(FieldScope.Document, field.Scope);
                Assert.True(field.Stored, facet.Name);
            }
            else
            {
                Assert.Equal(FieldDocValues.Sorted, field.DocValues);
            }
        }
    }

    [Fact]
    public void IndexAnalyzers_BigramFields_AnalysedAsDeclaredWithTheirGap()
    {
        using var smartCn = new SmartCnAnalyzer(SmartCnDictionary.Shared(SmartCnOptions.For(null)));
        using var analyzer = IndexAnalyzers.Create(smartCn);

        Assert.Equal(100, analyzer.GetPositionIncrementGap(FieldNames.ChapterText));
        Assert.Equal(0, analyzer.GetPositionIncrementGap(FieldNames.TitleText));
        using var bigrams = new BigramAnalyzer();
        const string Text = "西青区推进京津冀协同发展";

        Assert.Equal(Terms(bigrams, FieldNames.TextChars, Text), Terms(analyzer, FieldNames.IssuerText, Text));
        Assert.Equal(Terms(bigrams, FieldNames.TextChars, Text), Terms(analyzer, FieldNames.TextChars, Text));
        Assert.Equal(Terms(smartCn, FieldNames.Text, Text), Terms(analyzer, FieldNames.Text, Text));
        Assert.NotEqual(Terms(bigrams, FieldNames.TextChars, Text), Terms(smartCn, FieldNames.Text, Text));
    }

    /// <summary>The seeds, the real HTML pages (with 文号, issuer, dates and source URL), and variants of seed
    /// paragraphs with what the seeds lack: OCR, pages, an unknown year, a period, warnings, copies, blank facts.</summary>
    private static IReadOnlyList<(SourceDocument, Paragraph)> Paragraphs()
    {
        var seeds = CorpusReader.ReadAll(SeedsFolder.Path).ValueOrThrow();
        var html = CorpusReader.ReadAll(Path.Combine(Testing.RepositoryRoot.Path, "tests", "Fixtures", "Html")).ValueOrThrow();
        Assert.Contains(html, d => d.Facts.Issuer is not null && d.Facts.Number is not null);
        var all = seeds.Concat(html).SelectMany(d => d.Paragraphs.Select(p => (d, p))).ToList();

        var first = seeds[0];
        var unknown = first with
        {
            Year = null,
            YearSource = null,
            Period = "2021–2025",
            Warnings = ["年份未知", "第 3 页为扫描件"],
            Copies = [first.File with { FileName = first.File.Id + ".pdf" }, first.File with { FileName = first.File.Id + ".docx" }],
            Facts = new DocumentFacts
            {
                Number = "国发〔2018〕38号",
                Issuer = "国务院",
                WrittenDate = new DateOnly(2018, 7, 25),
                PublishedDate = new DateOnly(2018, 8, 1),
                SourceUrl = "https://www.gov.cn/zhengce/content/2018-08/01/content_5310968.htm",
            },
        };
        var blank = first with { Facts = new DocumentFacts { Number = "  ", Issuer = "", SourceUrl = " " } };
        foreach (var paragraph in first.Paragraphs.Take(6))
        {
            all.Add((unknown, paragraph with { Ocr = true, OcrConfidence = 0.8734, FirstPage = 3, LastPage = 4 }));
            all.Add((unknown, paragraph with { Ocr = true, FirstPage = 2 }));
            all.Add((blank, paragraph with { FirstPage = 1, LastPage = 1, Chapter = [paragraph.Chapter[0]] }));
            all.Add((blank, paragraph with { Chapter = [], TopicKeywords = [] }));
        }
        return all;
    }

    /// <summary>
    /// What the index makes of a document: the order the field names first come in (field numbers), the stored
    /// fields in order (the stored bytes), and each name's fields in order with their type, value and tokens (the
    /// postings, norms and doc values). How fields of different names interleave does not reach the index.
    /// </summary>
    private static List<string> Describe(Document document, Analyzer analyzer)
    {
        var fields = document.Fields;
        var lines = new List<string> { "names: " + string.Join(", ", fields.Select(f => f.Name).Distinct()) };
        lines.AddRange(fields.Where(f => f.IndexableFieldType.IsStored).Select(f => "stored " + Value(f)));
        foreach (var group in fields.GroupBy(f => f.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var field in group)
            {
                var type = field.IndexableFieldType;
                lines.Add($"{field.Name}: indexed={type.IsIndexed} stored={type.IsStored} tokenized={type.IsTokenized} " +
                    $"vectors={type.StoreTermVectors}/{type.StoreTermVectorPositions}/{type.StoreTermVectorOffsets}/{type.StoreTermVectorPayloads} " +
                    $"omitNorms={type.OmitNorms} options={type.IndexOptions} docValues={type.DocValueType} numeric={field.NumericType} " +
                    $"boost={field.Boost.ToString(CultureInfo.InvariantCulture)} {Value(field)}");
                if (type.IsIndexed)
                {
                    lines.AddRange(Tokens(field, analyzer));
                }
            }
        }
        return lines;
    }

    private static string Value(IIndexableField field)
    {
        var bytes = field.GetBinaryValue();
        var number = field.NumericType switch
        {
            NumericFieldType.INT32 => field.GetInt32Value()!.Value.ToString(CultureInfo.InvariantCulture),
            NumericFieldType.INT64 => field.GetInt64Value()!.Value.ToString(CultureInfo.InvariantCulture),
            NumericFieldType.DOUBLE => field.GetDoubleValue()!.Value.ToString("R", CultureInfo.InvariantCulture),
            NumericFieldType.SINGLE => field.GetSingleValue()!.Value.ToString("R", CultureInfo.InvariantCulture),
            _ => "",
        };
        return $"{field.Name} string={field.GetStringValue()} number={field.NumericType}:{number} " +
            $"bytes={(bytes is null ? "" : Convert.ToHexString(bytes.Bytes, bytes.Offset, bytes.Length))}";
    }

    /// <summary>Every token as the indexer sees it (each attribute: term bytes, increment, offsets, type), and the end state.</summary>
    private static IEnumerable<string> Tokens(IIndexableField field, Analyzer analyzer)
    {
        var lines = new List<string>();
        using var stream = field.GetTokenStream(analyzer);
        stream.Reset();
        while (stream.IncrementToken())
        {
            lines.Add("  " + stream.ReflectAsString(prependAttClass: false));
        }
        stream.End();
        // After the end a numeric stream's term has no valid shift to reflect: the final offset and increment are what counts.
        var end = stream.HasAttribute<IOffsetAttribute>() ? stream.GetAttribute<IOffsetAttribute>().EndOffset : -1;
        var increment = stream.HasAttribute<IPositionIncrementAttribute>() ? stream.GetAttribute<IPositionIncrementAttribute>().PositionIncrement : -1;
        lines.Add($"  end offset={end} increment={increment}");
        return lines;
    }

    private static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }
        stream.End();
        return terms;
    }

    /// <summary>
    /// Every paragraph written by <paramref name="create"/> into a new index at <paramref name="folder"/>, as the
    /// build writes it (its analyzers, no compound files), in one segment; the index's files and their bytes.
    /// </summary>
    private static Dictionary<string, byte[]> Write(string folder, Func<SourceDocument, Paragraph, Analyzer?, Document> create)
    {
        System.IO.Directory.CreateDirectory(folder);
        using (var smartCn = new SmartCnAnalyzer(SmartCnDictionary.Shared(SmartCnOptions.For(null))))
        using (var analyzer = IndexAnalyzers.Create(smartCn))
        using (var directory = FSDirectory.Open(folder))
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
            {
                OpenMode = OpenMode.CREATE,
                RAMBufferSizeMB = 256,
                UseCompoundFile = false,
                MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
            };
            using var writer = new IndexWriter(directory, config);
            foreach (var (document, paragraph) in s_paragraphs.Value)
            {
                writer.AddDocument(create(document, paragraph, writer.Analyzer));
            }
            writer.Commit();
        }
        return System.IO.Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
    }
}
