using Gates.Cli;
using Gates.ManifestBump;

var env = GateEnvironment.FromProcess();
return await GateApp.RunAsync(args, ManifestBumpCommand.Create(env), env, ManifestBumpCommand.Name);
