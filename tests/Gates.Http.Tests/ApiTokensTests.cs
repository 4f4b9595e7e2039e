using System.Net.Http.Headers;
using Gates.Testing.Http;

namespace Gates.Http.Tests;

public class ApiTokensTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    [Fact]
    public void GitHub_tokens_are_looked_up_in_the_documented_order()
    {
        ApiTokens.GitHub(Env(("GH_TOKEN", "c"), ("GITHUB_TOKEN", "b"), ("GATES_GITHUB_TOKEN", "a")))!.Value.ShouldBe("a");
        ApiTokens.GitHub(Env(("GH_TOKEN", "c"), ("GITHUB_TOKEN", "b")))!.Variable.ShouldBe("GITHUB_TOKEN");
        ApiTokens.GitHub(Env(("GH_TOKEN", "c"), ("GITHUB_TOKEN", "")))!.Variable.ShouldBe("GH_TOKEN");
        ApiTokens.GitHub(Env()).ShouldBeNull();
    }

    [Fact]
    public void GitLab_tokens_are_looked_up_in_the_documented_order_without_the_job_token()
    {
        ApiTokens.GitLab(Env(("GITLAB_TOKEN", "b"), ("GATES_GITLAB_TOKEN", "a")))!.Variable.ShouldBe("GATES_GITLAB_TOKEN");
        ApiTokens.GitLab(Env(("GITLAB_TOKEN", "b")))!.Value.ShouldBe("b");
        ApiTokens.GitLab(Env(("CI_JOB_TOKEN", "job"))).ShouldBeNull();
        ApiTokens.Describe(ApiTokens.GitHubVariables).ShouldBe("GATES_GITHUB_TOKEN, GITHUB_TOKEN or GH_TOKEN");
    }

    [Fact]
    public void A_token_prints_as_its_variable_and_is_redacted_from_text()
    {
        var token = ApiTokens.GitHub(Env(("GITHUB_TOKEN", "ghs_secret123")))!;

        $"{token}".ShouldBe("GITHUB_TOKEN (***)");
        token.Redact("refused ghs_secret123 at x").ShouldBe("refused *** at x");
    }

    [Fact]
    public async Task A_failing_call_with_a_token_never_shows_the_token_in_its_error()
    {
        var server = new LocalHttpServer(_ => FakeResponse.Message(500, "Server Error"));
        var closed = server.BaseUrl;
        server.Dispose();
        var token = new ApiToken("GITHUB_TOKEN", "ghs_secret123");
        using var client = new HttpServices { Delay = (_, _) => Task.CompletedTask }.Client(new RetryPolicy { MaxAttempts = 2 }, TimeProvider.System);
        using var request = new HttpRequestMessage(HttpMethod.Get, closed + "/user");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);

        var error = await Should.ThrowAsync<HttpRequestException>(() => client.SendAsync(request));

        error.ToString().ShouldNotContain("ghs_secret123");
    }
}
