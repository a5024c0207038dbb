using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace XiqingSearch.Core.Tests.Architecture;

/// <summary>One use of another folder's code: where it is written and what it names.</summary>
internal sealed record FolderEdge(string From, string To, string File, int Line, string Symbol)
{
    public override string ToString() => $"{From} -> {To}  ({File}:{Line} {Symbol})";
}

/// <summary>
/// The folders of the product's source and which uses which, read from the C# source with Roslyn (folder =
/// namespace, so a folder is its namespace without the leading <c>XiqingSearch.</c>, dots as slashes). The source
/// is read rather than the compiled assemblies because a constant is copied into the code that reads it: the
/// assembly no longer names the folder it came from. A use is a name resolved to a type or member, not a using line,
/// so one that a project's <c>GlobalUsings.cs</c> (read with the rest) brings into scope counts as any other.
/// </summary>
internal sealed class FolderGraph
{
    private readonly Dictionary<string, Dictionary<string, FolderEdge>> _edges = new(StringComparer.Ordinal);

    /// <summary>Every folder that holds code, whether or not it uses another.</summary>
    public SortedSet<string> Folders { get; } = new(StringComparer.Ordinal);

    /// <summary>For each pair of folders, the first use found (file and line), enough to show where to look.</summary>
    public IEnumerable<FolderEdge> Edges => _edges.Values.SelectMany(e => e.Values);

    public IReadOnlyCollection<string> Targets(string from) =>
        _edges.TryGetValue(from, out var to) ? to.Keys : [];

    public FolderEdge Edge(string from, string to) => _edges[from][to];

    /// <summary>
    /// Reads the projects under <paramref name="sourceRoot"/>, Core first; each later project compiles against the
    /// earlier ones' source, so its uses of Core resolve to Core's folders.
    /// </summary>
    public static FolderGraph Read(string sourceRoot, IReadOnlyList<string> projects)
    {
        var graph = new FolderGraph();
        var references = ReferenceAssemblies(projects);
        var earlier = new List<MetadataReference>();
        foreach (var project in projects)
        {
            var folder = Path.Combine(sourceRoot, project);
            var trees = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(folder, f))
                .Order(StringComparer.Ordinal)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), Path.GetRelativePath(sourceRoot, f).Replace('\\', '/')))
                .Append(CSharpSyntaxTree.ParseText(ImplicitUsings(project), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), project + "/ImplicitUsings.g.cs"))
                .ToList();
            var compilation = CSharpCompilation.Create(
                project,
                trees,
                references.Concat(earlier),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
            foreach (var tree in trees)
            {
                graph.Add(compilation.GetSemanticModel(tree), tree);
            }
            earlier.Add(compilation.ToMetadataReference());
        }
        return graph;
    }

    private void Add(SemanticModel model, SyntaxTree tree)
    {
        var root = tree.GetRoot();
        foreach (var declaration in root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
        {
            Folders.Add(FolderOf(declaration.Name.ToString()));
        }
        foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            var from = name.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
            if (from is null)
            {
                continue;
            }
            var info = model.GetSymbolInfo(name);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            var target = NamespaceOf(symbol);
            if (target is null || !target.StartsWith("XiqingSearch.", StringComparison.Ordinal))
            {
                continue;
            }
            var fromFolder = FolderOf(from);
            var toFolder = FolderOf(target);
            if (fromFolder != toFolder)
            {
                var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                Add(new FolderEdge(fromFolder, toFolder, tree.FilePath, line, symbol!.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
            }
        }
    }

    /// <summary>The same graph with folders replaced by their units (<see cref="LayerOrder.UnitOf"/>).</summary>
    public FolderGraph Merged(Func<string, string> unitOf)
    {
        var merged = new FolderGraph();
        foreach (var folder in Folders)
        {
            merged.Folders.Add(unitOf(folder));
        }
        foreach (var edge in Edges)
        {
            var (from, to) = (unitOf(edge.From), unitOf(edge.To));
            if (from != to)
            {
                merged.Add(edge with { From = from, To = to });
            }
        }
        return merged;
    }

    /// <summary>Records a use; the first one found between two folders is kept.</summary>
    public void Add(FolderEdge edge)
    {
        Folders.Add(edge.From);
        Folders.Add(edge.To);
        if (!_edges.TryGetValue(edge.From, out var targets))
        {
            _edges[edge.From] = targets = new Dictionary<string, FolderEdge>(StringComparer.Ordinal);
        }
        targets.TryAdd(edge.To, edge);
    }

    /// <summary>The namespace a name's symbol is declared in; a namespace itself (a using line) is no use.</summary>
    private static string? NamespaceOf(ISymbol? symbol)
    {
        switch (symbol)
        {
            case null or INamespaceSymbol:
                return null;
            case IArrayTypeSymbol array:
                return NamespaceOf(array.ElementType);
            case IAliasSymbol alias:
                return NamespaceOf(alias.Target);
        }
        var ns = symbol.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? null : ns.ToDisplayString();
    }

    /// <summary><c>XiqingSearch.Core.Search.Engine</c> → <c>Core/Search/Engine</c>.</summary>
    public static string FolderOf(string ns) =>
        (ns.StartsWith("XiqingSearch.", StringComparison.Ordinal) ? ns["XiqingSearch.".Length..] : ns).Replace('.', '/');

    private static bool IsBuildOutput(string projectFolder, string file)
    {
        var relative = Path.GetRelativePath(projectFolder, file).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    /// <summary>The SDK's implicit usings (src/Directory.Build.props turns them on); the web SDK adds ASP.NET's.</summary>
    private static string ImplicitUsings(string project)
    {
        string[] common = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];
        string[] web = ["System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"];
        var names = project.EndsWith(".Server", StringComparison.Ordinal) ? common.Concat(web) : common;
        return string.Concat(names.Select(n => $"global using global::{n};\n"));
    }

    /// <summary>
    /// What the source compiles against: the runtime's assemblies, ASP.NET Core's shared framework beside them, and
    /// the packages copied next to the test assembly (Lucene.Net and the document readers). The product's own
    /// assemblies are left out: their source is compiled instead. A package only a front end uses (the command
    /// line's parser) is missing here; names of it stay unresolved, which loses no use of the product's folders.
    /// </summary>
    private static ImmutableArray<MetadataReference> ReferenceAssemblies(IReadOnlyList<string> projects)
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var aspNetVersions = Path.Combine(runtime, "..", "..", "Microsoft.AspNetCore.App");
        var aspNet = Path.Combine(aspNetVersions, Path.GetFileName(runtime));
        if (!Directory.Exists(aspNet) && Directory.Exists(aspNetVersions))
        {
            aspNet = Directory.EnumerateDirectories(aspNetVersions).Order(StringComparer.Ordinal).LastOrDefault() ?? aspNet;
        }
        var aspNetFiles = Directory.Exists(aspNet) ? Directory.EnumerateFiles(aspNet, "*.dll") : [];
        foreach (var path in trusted.Concat(aspNetFiles).Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.StartsWith("XiqingSearch.", StringComparison.Ordinal) || name == "xiqing" || projects.Contains(name))
            {
                continue;
            }
            paths.TryAdd(name, path);
        }
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in paths.Values)
        {
            try
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
            catch (BadImageFormatException)
            {
                // A native library next to the managed ones.
            }
        }
        return references.ToImmutable();
    }
}
