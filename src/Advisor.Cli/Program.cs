using Advisor.Cli;

// an ingest compiles the knowledge base anyway: start now, while the runtime parses the command line
if (args is ["ingest", ..])
{
    KnowledgeLocation.StartCompiling();
}

return AdvisorApp.Run(args, CliConsole.FromProcess());
