using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Tests.Ingestion;

public class CatalogTests
{
    [Fact]
    public void Parse_Entry_OverridesTitleYearTypeAndPeriod()
    {
        var catalog = Catalog.Parse(
            """{ "documents": { "t": { "title": "更正后的标题", "year": 2019, "type": "other", "period": "2016–2020" } } }""",
            "/seeds/catalog.json").Value;

        var document = Parse.Text("西青区2024年国民经济和社会发展规划\n一、总则\n工作。\n", "t.txt", catalog).Value;

        Assert.Equal("更正后的标题", document.Title);
        Assert.Equal(2019, document.Year);
        Assert.Equal(DocumentTypes.Other, document.Type);
        Assert.Equal("2016–2020", document.Period);
    }

    [Fact]
    public void Parse_PartialEntry_KeepsTheRestFromText()
    {
        var catalog = Catalog.Parse("""{ "documents": { "t": { "year": 2023 } } }""", "catalog.json").Value;

        var document = Parse.Text("西青区2024年国民经济和社会发展规划\n一、总则\n工作。\n", "t.txt", catalog).Value;

        Assert.Equal(2023, document.Year);
        Assert.Equal("西青区2024年国民经济和社会发展规划", document.Title);
        Assert.Null(document.Period);
    }

    [Fact]
    public void Parse_YearMissingFromTextButInCatalog_Succeeds()
    {
        var catalog = Catalog.Parse("""{ "documents": { "notes": { "year": 2022 } } }""", "catalog.json").Value;

        var document = Parse.Text("一、总则\n工作。\n", "notes.txt", catalog);

        Assert.Equal(2022, document.Value.Year);
    }

    [Fact]
    public void Parse_MalformedJson_ReportsCatalogInvalidWithLine()
    {
        var result = Catalog.Parse("{ \"documents\": {\n  \"t\": { \"year\": 20x4 }\n} }", "/seeds/catalog.json");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.CatalogInvalid, problem.Code);
        Assert.Equal("/seeds/catalog.json", problem.Source);
        Assert.Contains("line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownTypeValue_ReportsCatalogInvalid()
    {
        var result = Catalog.Parse("""{ "documents": { "t": { "type": "memo" } } }""", "catalog.json");

        Assert.Equal(ProblemCodes.CatalogInvalid, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void ReadAll_CatalogInFolder_IsAppliedAndExposed()
    {
        var folder = Directory.CreateTempSubdirectory("xiqing-catalog-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a.txt"), "一、总则\n工作。\n");
            File.WriteAllText(Path.Combine(folder.FullName, Catalog.FileName), """{ "documents": { "a": { "year": 2020, "title": "总则" } } }""");

            var documents = CorpusReader.ReadAll(folder.FullName).Value;

            Assert.Equal(2020, Assert.Single(documents).Year);
            Assert.Equal("a", CorpusReader.ListFiles(folder.FullName).Value.Single().Id);
            Assert.Equal(Catalog.FileName, CorpusReader.CatalogFile(folder.FullName)?.FileName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
