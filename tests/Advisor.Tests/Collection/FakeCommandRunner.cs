using Advisor.Collection;

namespace Advisor.Tests.Collection;

/// <summary>Answers commands from a table (program → output); a program not in it is "not found", as on a bare PATH.</summary>
public sealed class FakeCommandRunner(IReadOnlyDictionary<string, string> outputs) : ICommandRunner
{
    public List<string> Ran { get; } = [];

    public CommandResult Run(IReadOnlyList<string> argv, TimeSpan timeout, long maxOutputBytes)
    {
        lock (Ran) Ran.Add(string.Join(' ', argv));
        return outputs.TryGetValue(argv[0], out var text)
            ? new CommandResult(0, System.Text.Encoding.UTF8.GetBytes(text), [], false, TimeSpan.FromMilliseconds(1))
            : CommandResult.ProgramNotFound();
    }
}
