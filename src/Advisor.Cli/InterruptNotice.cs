using System.Runtime.InteropServices;

namespace Advisor.Cli;

/// <summary>
/// While bundles are ingested, Ctrl-C (SIGINT) or SIGTERM first says what the interruption leaves behind, then the
/// process ends as the signal asks. Nothing needs undoing: each bundle is stored in one transaction, so one not
/// finished leaves nothing in the database.
/// </summary>
public sealed class InterruptNotice : IDisposable
{
    public const string Text =
        "advisor: interrupted: bundles still being read or stored were not stored; each one whose summary line was printed is";

    private readonly PosixSignalRegistration[] registrations;

    private InterruptNotice(CliConsole console) =>
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Say(console)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Say(console)),
        ];

    public static InterruptNotice Register(CliConsole console) => new(console);

    public void Dispose()
    {
        foreach (var registration in registrations) registration.Dispose();
    }

    private static void Say(CliConsole console)
    {
        // the progress display hides a terminal's cursor, and ending in the middle of it must not leave it hidden
        console.Error.WriteLine((console.ErrorIsTerminal ? "\u001b[?25h\n" : "") + Text);
        console.Error.Flush();
    }
}
