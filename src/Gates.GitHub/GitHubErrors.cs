using Gates.Core;
using Octokit;

namespace Gates.GitHub;

/// <summary>Maps Octokit failures to the shared exit codes: bad token or repository is 2, everything else 3.</summary>
internal static class GitHubErrors
{
    public static async Task<T> Call<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AuthorizationException e)
        {
            throw new GateInputException($"GitHub: {what}: the token was refused ({e.StatusCode}); set GITHUB_TOKEN with contents and pull-requests write access");
        }
        catch (ForbiddenException e) when (e is not RateLimitExceededException)
        {
            throw new GateInputException($"GitHub: {what}: forbidden: {e.Message}");
        }
        catch (ApiException e) when (e is not NotFoundException and not ApiValidationException)
        {
            throw new GateRuntimeException($"GitHub: {what}: {(int)e.StatusCode} {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new GateRuntimeException($"GitHub: {what}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            throw new GateRuntimeException($"GitHub: {what}: timed out", e);
        }
    }

    /// <summary>True for a 422 whose message or errors contain <paramref name="text"/>.</summary>
    public static bool Says(ApiValidationException e, string text) =>
        e.Message.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (e.ApiError?.Errors?.Any(x => (x.Message ?? "").Contains(text, StringComparison.OrdinalIgnoreCase)) ?? false);
}
