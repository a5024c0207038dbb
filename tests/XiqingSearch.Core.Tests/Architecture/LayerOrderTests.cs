using System.Text;
using XiqingSearch.Testing;

namespace XiqingSearch.Core.Tests.Architecture;

/// <summary>
/// The folders of the product use one another only in the order src/ARCHITECTURE.md declares (its <c>layers</c>
/// block), and never in a circle: a change to a folder can then break only the folders below it, and each folder
/// can be read, tested and moved with the ones above it alone.
/// </summary>
public sealed class LayerOrderTests
{
    private static readonly string[] s_projects = ["XiqingSearch.Core", "XiqingSearch.Server", "XiqingSearch.Cli"];

    private static readonly Lazy<FolderGraph> s_graph = new(() =>
        FolderGraph.Read(Path.Combine(RepositoryRoot.Path, "src"), s_projects));

    private static readonly Lazy<LayerOrder> s_order = new(() =>
        LayerOrder.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "ARCHITECTURE.md"))));

    [Fact]
    public void Folders_UsesBetweenThem_FormNoCycle()
    {
        var graph = s_graph.Value;
        var cycles = Cycles.Find(graph.Merged(s_order.Value.UnitOf));
        // XIQING_FOLDER_GRAPH=file writes every use between folders, to see the whole graph when moving code.
        if (Environment.GetEnvironmentVariable("XIQING_FOLDER_GRAPH") is { Length: > 0 } dump)
        {
            File.WriteAllLines(dump, graph.Edges.Select(e => e.ToString()).Order(StringComparer.Ordinal));
        }

        Assert.True(cycles.Count == 0, Describe(cycles));
    }

    [Fact]
    public void Folders_EveryUse_GoesUpTheDeclaredOrder()
    {
        var graph = s_graph.Value;
        var order = s_order.Value;

        var against = Against(graph, order);

        Assert.True(against.Count == 0, "Uses against the order of src/ARCHITECTURE.md:\n" + string.Join('\n', against));
    }

    [Fact]
    public void Folders_EachOne_IsNamedInTheDeclaredOrder()
    {
        var graph = s_graph.Value;
        var order = s_order.Value;

        var unnamed = graph.Folders.Where(f => order.LayerOf(f) is null).ToList();
        var stale = order.Folders.Where(f => !graph.Folders.Any(g => LayerOrder.Covers(f, g))).ToList();

        Assert.True(unnamed.Count == 0, "Folders missing from the layers block of src/ARCHITECTURE.md: " + string.Join(", ", unnamed));
        Assert.True(stale.Count == 0, "The layers block of src/ARCHITECTURE.md names folders without code: " + string.Join(", ", stale));
    }

    [Fact]
    public void Read_SourceOfCore_FindsKnownUses()
    {
        // The graph is only as good as the names it resolves: a use the source certainly makes must be found,
        // including a constant's (copied into the compiled code, so invisible to a reading of the assemblies).
        var graph = s_graph.Value;

        Assert.Contains("Core/Problems", graph.Targets("Core/Search/Engine"));
        Assert.Contains("Core/Indexing", graph.Targets("Core/Search/Engine"));
        Assert.Contains("Core/Search/Engine", graph.Targets("Server/Hosting"));
        Assert.Contains("Core/Indexing", graph.Folders);
    }

    [Fact]
    public void Cycles_GraphWithCircle_PrintsEachStepWithItsFile()
    {
        var graph = new FolderGraph();
        graph.Add(new FolderEdge("A", "B", "a.cs", 3, "B.X"));
        graph.Add(new FolderEdge("B", "C", "b.cs", 5, "C.Y"));
        graph.Add(new FolderEdge("C", "A", "c.cs", 7, "A.Z"));
        graph.Add(new FolderEdge("C", "D", "c.cs", 9, "D.W"));

        var cycles = Cycles.Find(graph);

        var cycle = Assert.Single(cycles);
        Assert.Equal(["A", "B", "C"], cycle.Select(e => e.From).Order(StringComparer.Ordinal));
        Assert.Contains("b.cs:5", Describe(cycles), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LayersBlock_ReadsOneLayerPerLine()
    {
        var order = LayerOrder.Parse("text\n```layers\n# comment\nCore/Problems\nCore/Ingestion  Core/Analysis\n\nCli\n```\n");

        Assert.Equal(0, order.LayerOf("Core/Problems"));
        Assert.Equal(1, order.LayerOf("Core/Analysis/SmartCn"));
        Assert.Equal(2, order.LayerOf("Cli/Commands"));
        Assert.Null(order.LayerOf("Server/Http"));
    }

    [Fact]
    public void Cycles_FoldersJoinedAsOneUnit_AreNotACycle()
    {
        var order = LayerOrder.Parse("```layers\nA+B\nC\n```\n");
        var graph = new FolderGraph();
        graph.Add(new FolderEdge("A", "B", "a.cs", 1, "B.X"));
        graph.Add(new FolderEdge("B", "A", "b.cs", 2, "A.Y"));
        graph.Add(new FolderEdge("C", "A", "c.cs", 3, "A.Z"));

        Assert.Single(Cycles.Find(graph));
        Assert.Empty(Cycles.Find(graph.Merged(order.UnitOf)));
        Assert.Equal("A+B", order.UnitOf("B"));
        Assert.Equal("C", order.UnitOf("C"));
    }

    [Fact]
    public void Read_UseThroughGlobalUsing_IsAnEdgeAgainstTheOrder()
    {
        // Each project says the namespaces nearly all its files use once, in its GlobalUsings.cs: a use that needs
        // no using line of its own is still a use, and one against the order still fails.
        var root = Directory.CreateTempSubdirectory("xiqing-layers-");
        try
        {
            var project = Directory.CreateDirectory(Path.Combine(root.FullName, "XiqingSearch.Core"));
            Directory.CreateDirectory(Path.Combine(project.FullName, "Lower"));
            Directory.CreateDirectory(Path.Combine(project.FullName, "Upper"));
            File.WriteAllText(Path.Combine(project.FullName, "GlobalUsings.cs"), "global using XiqingSearch.Core.Upper;\n");
            File.WriteAllText(Path.Combine(project.FullName, "Upper", "High.cs"),
                "namespace XiqingSearch.Core.Upper;\npublic static class High { public const int Limit = 3; }\n");
            File.WriteAllText(Path.Combine(project.FullName, "Lower", "Low.cs"),
                "namespace XiqingSearch.Core.Lower;\npublic static class Low { public static int Twice => 2 * High.Limit; }\n");

            var graph = FolderGraph.Read(root.FullName, ["XiqingSearch.Core"]);
            var order = LayerOrder.Parse("```layers\nCore/Lower\nCore/Upper\n```\n");

            Assert.Equal(["Core/Upper"], graph.Targets("Core/Lower"));
            var against = Assert.Single(Against(graph, order));
            Assert.Contains("Lower/Low.cs:2", against, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static List<string> Against(FolderGraph graph, LayerOrder order) => graph.Edges
        .Where(e => order.LayerOf(e.From) is int from && order.LayerOf(e.To) is int to && to > from)
        .Select(e => $"{e}: layer {order.LayerOf(e.From)} uses layer {order.LayerOf(e.To)}")
        .Order(StringComparer.Ordinal)
        .ToList();

    private static string Describe(IReadOnlyList<IReadOnlyList<FolderEdge>> cycles)
    {
        var text = new StringBuilder();
        text.Append(cycles.Count).Append(" cycle(s) between folders:\n");
        foreach (var cycle in cycles)
        {
            text.Append(string.Join(" → ", cycle.Select(e => e.From))).Append(" → ").Append(cycle[0].From).Append('\n');
            foreach (var edge in cycle)
            {
                text.Append("    ").Append(edge).Append('\n');
            }
        }
        return text.ToString();
    }
}
