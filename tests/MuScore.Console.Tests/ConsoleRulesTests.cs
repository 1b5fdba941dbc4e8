using System.Reflection;
using Microsoft.AspNetCore.Components;
using MuScore.Server.Security;
using MuScore.Server.WebConsole;

namespace MuScore.Console.Tests;

/// <summary>The console's tables: every page has a rule the API's permission table backs, every string both languages.</summary>
public sealed class ConsoleRulesTests
{
    private static IEnumerable<Type> Pages() =>
        typeof(ConsolePage).Assembly.GetTypes().Where(t => t.GetCustomAttributes<RouteAttribute>().Any());

    [Fact]
    public void Every_routable_page_but_sign_in_is_a_console_page_whose_rule_names_methods_the_API_has_rules_for()
    {
        var pages = Pages().ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages.Where(p => p.Name != "SignIn"))
        {
            Assert.True(typeof(ConsolePage).IsAssignableFrom(page), $"{page.Name} is routable but does not check access (ConsolePage)");
            var instance = (ConsolePage)Activator.CreateInstance(page)!;
            var access = (string)page.GetProperty("Access", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(instance)!;
            Assert.NotEmpty(ConsoleAccess.MethodsOf(access));
        }
    }

    [Fact]
    public void Every_console_rule_is_backed_by_the_gRPC_permission_table()
    {
        foreach (var name in ConsoleAccess.Names)
        {
            foreach (var method in ConsoleAccess.MethodsOf(name))
            {
                Assert.True(RpcPermissions.TryGetRequired(method, out var scope), $"{name}: {method} has no rule in RpcPermissions");
                Assert.NotEqual(RpcPermissions.Open, scope);
            }
        }
    }

    [Fact]
    public void A_caller_without_the_scope_of_any_of_the_page_methods_is_refused_and_one_with_it_is_allowed()
    {
        var auditor = new Caller("auditor", CallerKind.Token, [Scopes.AuditRead], ["*"]);
        var clerk = new Caller("clerk", CallerKind.Token, [Scopes.RunsSubmit], ["331082"]);
        var reader = new Caller("reader", CallerKind.Token, [Scopes.RatingsRead], ["331082"]);
        Assert.All(ConsoleAccess.Names, name => Assert.False(ConsoleAccess.Allows(auditor, name), name));
        Assert.True(ConsoleAccess.Allows(clerk, ConsoleAccess.Upload));
        Assert.False(ConsoleAccess.Allows(reader, ConsoleAccess.Upload));
        Assert.True(ConsoleAccess.Allows(reader, ConsoleAccess.ViewRun));
        Assert.False(ConsoleAccess.Allows(reader, ConsoleAccess.Finalize));
        Assert.False(ConsoleAccess.Allows(clerk, "a page nobody listed"));
    }

    [Fact]
    public void Every_string_is_given_in_Chinese_and_in_English()
    {
        foreach (var (key, (zh, en)) in ConsoleText.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(zh), key);
            Assert.False(string.IsNullOrWhiteSpace(en), key);
        }

        Assert.Equal("上传年度数据", ConsoleText.Of(english: false)["upload.title"]);
        Assert.Equal("Upload a year's data", ConsoleText.Of(english: true)["upload.title"]);
        Assert.Equal("zh-CN", ConsoleText.Of(english: false).Lang);
    }

    [Theory]
    [InlineData("/console/runs/abc", "/console/runs/abc")]
    [InlineData("https://evil.example/console", "/console")]
    [InlineData("//evil.example/console", "/console")]
    [InlineData("/console//evil.example", "/console")]
    [InlineData("/console\\..\\x", "/console")]
    [InlineData("/v1/regions", "/console")]
    [InlineData(null, "/console")]
    public void Only_a_path_inside_the_console_is_a_place_to_return_to(string? back, string expected) =>
        Assert.Equal(expected, ConsoleEndpoints.LocalReturn(back));

    [Fact]
    public void The_console_calls_its_own_first_gRPC_listener_over_loopback()
    {
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), ConsoleApi.OwnAddress("http://0.0.0.0:5080;http://127.0.0.1:5081"));
        Assert.Equal(new Uri("https://127.0.0.1:7443/"), ConsoleApi.OwnAddress("https://*:7443"));
    }
}
