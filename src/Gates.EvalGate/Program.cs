using Gates.Cli;
using Gates.EvalGate;

var env = GateEnvironment.FromProcess();
return await GateApp.RunAsync(args, EvalGateCommand.Create(env), env, EvalGateCommand.Name);
