using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class FreeParserTests
{
    [Fact]
    public void Hotsos_free_in_KiB()
    {
        var free = FreeParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, FreeParser.SosPath)).Value!;

        Assert.Equal(16393164, free.TotalKiB.Value);
        Assert.Equal(8638440, free.AvailableKiB.Value);
        Assert.Equal(2, free.TotalKiB.Source!.Line);
    }

    [Fact]
    public void Old_procps_without_available_and_odd_inputs()
    {
        var old = FreeParser.Parse(new TextLines("free", "             total       used       free     shared    buffers     cached\r\nMem:       3882732    3679344     203388          0     129592    2512944\r\n-/+ buffers/cache:    1036808    2845924\r\n")).Value!;
        Assert.Equal(3882732, old.TotalKiB.Value);
        Assert.False(old.AvailableKiB.IsPresent);
        Assert.False(FreeParser.Parse(new TextLines("free", "")).IsUsable);
        Assert.False(FreeParser.Parse(new TextLines("free", "Mem: x\n")).IsUsable);
    }
}
