using Gates.Cli;
using Gates.CanaryValidate;

var env = GateEnvironment.FromProcess();
return await GateApp.RunAsync(args, CanaryValidateCommand.Create(env), env, CanaryValidateCommand.Name);
