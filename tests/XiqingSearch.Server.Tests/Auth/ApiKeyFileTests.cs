using XiqingSearch.Core.Problems;
using XiqingSearch.Server.Auth;

namespace XiqingSearch.Server.Tests.Auth;

public sealed class ApiKeyFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "xiqing-keys-" + Guid.NewGuid().ToString("N"));

    private string KeysFile => Path.Combine(_folder, "keys", "api-keys.jsonl");

    [Fact]
    public void Add_NewName_AppendsTheHashNotTheKey()
    {
        var first = ApiKeyFile.Add(KeysFile, "portal", ["xq-planning", "规划科"]).ValueOrThrow();
        var second = ApiKeyFile.Add(KeysFile, "etl", []).ValueOrThrow();

        var text = File.ReadAllText(KeysFile);
        Assert.DoesNotContain(first, text, StringComparison.Ordinal);
        Assert.DoesNotContain(second, text, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        var entries = ApiKeyFile.Read(KeysFile).ValueOrThrow();
        Assert.Equal(["portal", "etl"], entries.Select(e => e.Name));
        Assert.Equal(ApiKeyFile.Hash(first), entries[0].Sha256);
        Assert.Equal(["xq-planning", "规划科"], entries[0].Groups);
        Assert.Contains("规划科", text, StringComparison.Ordinal); // readable, not \u-escaped
    }

    [Fact]
    public void Add_NameAlreadyInTheFile_IsRefusedAndTheFileKept()
    {
        ApiKeyFile.Add(KeysFile, "portal", ["a"]).ValueOrThrow();
        var before = File.ReadAllText(KeysFile);

        var again = ApiKeyFile.Add(KeysFile, "portal", ["b"]);

        Assert.False(again.IsSuccess);
        Assert.Contains("portal", again.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(KeysFile));
    }

    [Theory]
    [InlineData("{\"name\":\"a\",\"sha256\":\"abc\",\"groups\":[]}")]
    [InlineData("not json")]
    [InlineData("{\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\"}")]
    public void Read_BadLine_NamesTheLine(string bad)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeysFile)!);
        File.WriteAllLines(KeysFile, [$"{{\"name\":\"ok\",\"sha256\":\"{ApiKeyFile.Hash("k")}\",\"groups\":[]}}", "", bad]);

        var read = ApiKeyFile.Read(KeysFile);

        Assert.False(read.IsSuccess);
        Assert.Equal(ProblemCodes.SettingsInvalid, read.Problems[0].Code);
        Assert.Contains("line 3", read.Problems[0].Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
