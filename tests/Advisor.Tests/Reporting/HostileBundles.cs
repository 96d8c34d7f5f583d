using Advisor.Tests.Support;

namespace Advisor.Tests.Reporting;

/// <summary>A real bundle whose text tries to inject Markdown structure, HTML and script into reports.</summary>
public static class HostileBundles
{
    public const string Hostname = "<script>alert(1)</script> `tick` | pipe [x](javascript:alert(3))";
    public const string DmName = "evil`x`|*b*_u_](javascript:alert(4))<img src=x onerror=alert(2)>&amp;";
    public const string CpuModel = "<b onmouseover=alert(5)>Xeon</b> ```fence``` # not a heading";

    public static string Write(string path) => SosFixtures.UbuntuNvmeSnapshotHost()
        .File("sos_commands/host/hostname", Hostname + "\n")
        .File("sos_commands/devicemapper/dmsetup_table", $"{DmName}: 0 209715200 snapshot 253:1 253:2 P 8\ndata-vol-real: 0 209715200 linear 259:1 2048\n")
        .File("sos_commands/processor/lscpu", $"Architecture: x86_64\nCPU(s): 8\nSocket(s): 1\nModel name: {CpuModel}\nNUMA node0 CPU(s): 0-7\n")
        .WriteTarGz(path);
}
