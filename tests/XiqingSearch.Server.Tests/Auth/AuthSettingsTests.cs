using XiqingSearch.Core.Configuration;
using XiqingSearch.Core.Problems;
using XiqingSearch.Server.Auth;
using XiqingSearch.Server.Auth.Callers;
using XiqingSearch.Server.Tests.Hosting;

namespace XiqingSearch.Server.Tests.Auth;

/// <summary>
/// The sign-in settings refuse what start-up cannot work with, in the words of the server's other settings
/// (<c>Http/ServerMessages</c>): the setting, the value and where it came from.
/// </summary>
[Collection(CurrentDirectoryCollection.Name)]
public sealed class AuthSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("xiqing-auth-settings-").FullName;
    private readonly string _previous = Directory.GetCurrentDirectory();

    public AuthSettingsTests() => Directory.SetCurrentDirectory(_folder);

    [Fact]
    public void From_UnknownMode_IsRefusedAsServerSettingsWordIt()
    {
        var resolved = Resolve("--Xiqing:Auth:Mode=Kerberos");

        var error = Assert.Throws<XiqingException>(() => AuthSettings.From(resolved));

        Assert.Equal(ProblemCodes.SettingsInvalid, error.Problem.Code);
        Assert.Equal(SettingsKeys.AuthMode, error.Problem.Source);
        Assert.Equal($"Xiqing:Auth:Mode: 'kerberos' is not one of none, header, oidc (from {resolved.SourceOf(SettingsKeys.AuthMode)}).", error.Problem.Message);
        // The server's own settings read the same setting with the same words.
        var server = Assert.Throws<XiqingException>(() => AuthModes.Parse("Kerberos", resolved.SourceOf(SettingsKeys.AuthMode)));
        Assert.Equal(error.Problem.Message, server.Problem.Message);
    }

    [Fact]
    public void From_OidcWithoutAuthority_NamesBothSettings()
    {
        var resolved = Resolve("--Xiqing:Auth:Mode=oidc", "--Xiqing:Auth:Oidc:ClientId=xiqing");

        var error = Assert.Throws<XiqingException>(() => AuthSettings.From(resolved));

        Assert.Equal(ProblemCodes.SettingsInvalid, error.Problem.Code);
        Assert.Equal(SettingsKeys.AuthOidcAuthority, error.Problem.Source);
        Assert.Equal("Xiqing:Auth:Mode is oidc but Xiqing:Auth:Oidc:Authority or Xiqing:Auth:Oidc:ClientId is not set"
            + $" (from {resolved.SourceOf(SettingsKeys.AuthOidcAuthority)}).", error.Problem.Message);
    }

    [Theory]
    [InlineData(null, AuthSettings.ModeNone)]
    [InlineData(" Header ", AuthSettings.ModeHeader)]
    public void From_KnownMode_IsReadInAnyCase(string? given, string expected)
    {
        var settings = AuthSettings.From(Resolve(given is null ? [] : ["--Xiqing:Auth:Mode=" + given]));

        Assert.Equal(expected, settings.Mode);
    }

    public void Dispose()
    {
        Directory.SetCurrentDirectory(_previous);
        Directory.Delete(_folder, recursive: true);
    }

    private static ResolvedSettings Resolve(params string[] args) => ServerApp.ResolveSettings(args).ValueOrThrow();
}
