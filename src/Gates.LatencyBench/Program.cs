using Gates.Cli;
using Gates.LatencyBench;

var env = GateEnvironment.FromProcess();
var terminal = () => !Console.IsErrorRedirected && env.Get("CI") is null;
return await GateApp.RunAsync(args, LatencyBenchCommand.Create(env, terminal), env, LatencyBenchCommand.Name);
