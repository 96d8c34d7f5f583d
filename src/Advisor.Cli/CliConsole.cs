using Spectre.Console;

namespace Advisor.Cli;

/// <summary>
/// Where the command writes: the report to <see cref="Out"/>, everything else (progress, warnings, summary) to
/// <see cref="Error"/>. Tests pass string writers; the real program passes the process's streams.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, string workingDirectory, bool errorIsTerminal)
        : this(output, error, workingDirectory, errorIsTerminal, StatusConsole(error, errorIsTerminal))
    {
    }

    /// <summary>With <paramref name="status"/> as the console for progress and summaries (a test's recording console).</summary>
    public CliConsole(TextWriter output, TextWriter error, string workingDirectory, bool errorIsTerminal, IAnsiConsole status)
    {
        Out = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        ErrorIsTerminal = errorIsTerminal;
        Report = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        Report.Profile.Width = 160;
        Status = status;
    }

    private static IAnsiConsole StatusConsole(TextWriter error, bool errorIsTerminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(error),
        Ansi = errorIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = errorIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        // Spectre's own detection also asks whether standard input is redirected, which a bundle piped in on
        // /dev/stdin is; the display only needs standard error to be a terminal, and nothing here prompts
        Interactive = errorIsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
    });

    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public string WorkingDirectory { get; }
    public bool ErrorIsTerminal { get; }

    /// <summary>Spectre.Console on the output stream, plain (no colour codes), for tables that are the command's result.</summary>
    public IAnsiConsole Report { get; }

    /// <summary>Spectre.Console on the error stream, for progress and coloured summaries.</summary>
    public IAnsiConsole Status { get; }

    public static CliConsole FromProcess() =>
        new(Console.Out, Console.Error, Directory.GetCurrentDirectory(), !Console.IsErrorRedirected);

    /// <summary>One clear line naming the file and the reason: never a stack trace.</summary>
    public void Fail(string message) => Error.WriteLine($"advisor: error: {message}");

    public void Warn(string message) => Error.WriteLine($"advisor: warning: {message}");
}
