using Gates.Cli;
using Gates.GateReport;

var env = GateEnvironment.FromProcess();
return await GateApp.RunAsync(args, GateReportCommand.Create(env), env, GateReportCommand.Name);
