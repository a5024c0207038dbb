using System.Net;
using XiqingSearch.Core.Problems;
using XiqingSearch.Server.Auth;
using XiqingSearch.Server.Auth.Callers;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Tests.Auth;

/// <summary>What header mode reads from a trusted proxy's headers, and the settings that turn it on.</summary>
[Collection(Hosting.CurrentDirectoryCollection.Name)]
public sealed class HeaderSignInTests
{
    [Fact]
    public void CallerOf_PercentEncodedUtf8Groups_AreDecodedAfterSplitting()
    {
        var caller = HeaderSignIn.CallerOf("%E5%BC%A0%E4%B8%89", "xq-planning, %E8%A7%84%E5%88%92%E7%A7%91 ,a%2Cb,,");

        Assert.NotNull(caller);
        Assert.Equal("张三", caller.User);
        Assert.Equal(["xq-planning", "规划科", "a,b"], caller.Groups);
        Assert.False(caller.SeesEverything);
    }

    [Theory]
    [InlineData("", "规划科")]
    [InlineData("  ", "a")]
    [InlineData("%FF%FE", "a")]
    [InlineData("user", "%E8%A7")]
    [InlineData("user%0Aadmin", "a")]
    [InlineData("张三", "a")]
    public void CallerOf_NoUserOrUndecodableValue_IsAnonymous(string user, string groups)
    {
        Assert.Null(HeaderSignIn.CallerOf(user, groups));
    }

    [Fact]
    public void FromTrustedProxy_OnlyListedAddresses_IPv4MappedIncluded()
    {
        IReadOnlyList<IPAddress> trusted = [IPAddress.Parse("10.0.0.5")];

        Assert.True(HeaderSignIn.FromTrustedProxy(IPAddress.Parse("10.0.0.5"), trusted));
        Assert.True(HeaderSignIn.FromTrustedProxy(IPAddress.Parse("::ffff:10.0.0.5"), trusted));
        Assert.False(HeaderSignIn.FromTrustedProxy(IPAddress.Parse("10.0.0.6"), trusted));
        Assert.False(HeaderSignIn.FromTrustedProxy(IPAddress.Loopback, []));
        Assert.False(HeaderSignIn.FromTrustedProxy(null, trusted));
    }

    [Fact]
    public void From_AuthSettings_ReadsModeAndHeaderNamesAndRefusesUnknownMode()
    {
        var settings = ServerSettings.From(ServerApp.ResolveSettings(["--Xiqing:Auth:Mode=HEADER", "--Xiqing:Auth:UserHeader=X-Portal-User",
            "--Xiqing:Auth:TrustedProxies=10.0.0.5"]).ValueOrThrow());
        Assert.Equal(AuthModes.Header, settings.AuthMode);
        Assert.Equal("X-Portal-User", settings.UserHeader);
        Assert.Equal("X-Remote-Groups", settings.GroupsHeader);

        var unknown = Assert.Throws<XiqingException>(() => ServerSettings.From(ServerApp.ResolveSettings(["--Xiqing:Auth:Mode=kerberos"]).ValueOrThrow()));
        Assert.Equal(ProblemCodes.SettingsInvalid, unknown.Problem.Code);
        var badHeader = Assert.Throws<XiqingException>(() => ServerSettings.From(ServerApp.ResolveSettings(["--Xiqing:Auth:GroupsHeader=X Groups"]).ValueOrThrow()));
        Assert.Equal(ProblemCodes.SettingsInvalid, badHeader.Problem.Code);
    }
}
