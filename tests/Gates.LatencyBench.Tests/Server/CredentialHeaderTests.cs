using Gates.LatencyBench.Tests.Support;
using Gates.Testing;

namespace Gates.LatencyBench.Tests.Server;

/// <summary>A key never travels in a header flag, where process lists and logs would show it.</summary>
public sealed class CredentialHeaderTests
{
    [Theory]
    [InlineData("Authorization: Bearer sk-visible-1234567")]
    [InlineData("x-api-key: sk-visible-1234567")]
    public async Task A_credential_header_flag_is_refused_before_any_request_and_not_echoed(string header)
    {
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", "http://127.0.0.1:9/v1/chat/completions", "--requests", "1", "-H", header);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("a credential is not accepted in a header flag");
        result.Stderr.ShouldContain("--api-key-env");
        (result.Stdout + result.Stderr).ShouldNotContain("sk-visible-1234567");
    }
}
