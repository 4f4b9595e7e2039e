using Gates.Cli;
using Gates.LatencyBench;

// Socket continuations run on the socket engine's threads (one per core) instead of being queued to the thread
// pool: fewer thread hand-offs per request, and response arrival is stamped without a queueing delay. Read once,
// before the first socket is created; a value the caller set wins.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

var env = GateEnvironment.FromProcess();
var terminal = () => !Console.IsErrorRedirected && env.Get("CI") is null;
return await GateApp.RunAsync(args, LatencyBenchCommand.Create(env, terminal), env, LatencyBenchCommand.Name);
