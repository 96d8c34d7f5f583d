using Advisor.Cli;

return AdvisorApp.Run(args, CliConsole.FromProcess());
