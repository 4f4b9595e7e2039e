using Gates.Cli;
using Gates.DriftCheck;

var env = GateEnvironment.FromProcess();
return await GateApp.RunAsync(args, DriftCheckCommand.Create(env), env, DriftCheckCommand.Name);
