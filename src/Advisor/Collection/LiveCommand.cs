namespace Advisor.Collection;

/// <summary>
/// One command the live reader runs, and the sos path its output is stored under.
/// </summary>
/// <param name="SosPath">Where sos puts the output, e.g. <c>sos_commands/block/lsblk</c>; <c>{interface}</c> is replaced per network interface.</param>
/// <param name="Argv">The program and its arguments, run without a shell; <c>{interface}</c> is replaced as in <paramref name="SosPath"/>.</param>
/// <param name="Timeout">How long the command may run before its process tree is killed (recorded as exit code 124).</param>
/// <param name="NeedsRoot">The command reads something only root may read (<c>/dev/mem</c>, device-mapper ioctls).</param>
/// <param name="Group">
/// Commands that stand in for each other (the package list: <c>dpkg -l</c> or <c>rpm -qa</c>): one not installed is left
/// out silently while another of its group ran; when none is installed the first is recorded as not found.
/// </param>
public sealed record LiveCommand(string SosPath, IReadOnlyList<string> Argv, TimeSpan Timeout, bool NeedsRoot = false, string? Group = null)
{
    public const string InterfacePlaceholder = "{interface}";

    /// <summary>True when the command runs once per network interface in <c>sys/class/net</c>.</summary>
    public bool PerInterface => SosPath.Contains(InterfacePlaceholder, StringComparison.Ordinal);

    /// <summary>The command line as sos's manifest writes it (<c>exec</c>): the argv joined by spaces.</summary>
    public string CommandLine => string.Join(' ', Argv);

    /// <summary>The sos plugin the output belongs to: the folder after <c>sos_commands/</c>, else <c>host</c>.</summary>
    public string Plugin
    {
        get
        {
            var parts = SosPath.Split('/');
            return parts.Length >= 3 && parts[0] == "sos_commands" ? parts[1] : "host";
        }
    }

    public LiveCommand ForInterface(string name) => this with
    {
        SosPath = SosPath.Replace(InterfacePlaceholder, name, StringComparison.Ordinal),
        Argv = Argv.Select(a => a.Replace(InterfacePlaceholder, name, StringComparison.Ordinal)).ToArray(),
    };
}
