using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>Kernel release (uname -a, else proc/version), proc/version, the command line, and the hostname.</summary>
public static class KernelFactsBuilder
{
    public static readonly string[] Globs =
    [
        UnameParser.SosPath, ProcVersionParser.SosPath, KernelCommandLineParser.SosPath, "sos_commands/host/hostname", "etc/hostname",
    ];

    public static void Build(BuildContext context)
    {
        var kernel = context.Facts.Kernel;
        kernel.Release = Fact<string>.Missing(context.MissingReason(UnameParser.SosPath));
        if (context.Lines(UnameParser.SosPath) is { } unameLines
            && context.Usable(UnameParser.Parse(unameLines), r => kernel.Release = Fact<string>.Unusable(r)) is { } uname)
        {
            kernel.Release = uname.Release;
            context.Facts.Hostname = uname.Hostname;
        }

        if (context.Lines(ProcVersionParser.SosPath) is { } versionLines
            && context.Usable(ProcVersionParser.Parse(versionLines), r => kernel.Version = Fact<string>.Unusable(r)) is { } version)
        {
            kernel.Version = version.Line;
            if (!kernel.Release.IsPresent) kernel.Release = version.Release;
        }

        if (context.Lines(KernelCommandLineParser.SosPath) is { } cmdlineLines
            && context.Usable(KernelCommandLineParser.Parse(cmdlineLines), r => kernel.CommandLine = Fact<string>.Unusable(r)) is { } cmdline)
        {
            kernel.CommandLine = cmdline.Text;
            kernel.Parameters = cmdline.Parameters;
        }

        foreach (var path in new[] { "sos_commands/host/hostname", "etc/hostname" })
        {
            if (context.Lines(path) is { } hostname && SysfsValueParser.ParseWord(hostname) is { IsPresent: true } name)
            {
                context.Facts.Hostname = name;
                break;
            }
        }
    }
}
