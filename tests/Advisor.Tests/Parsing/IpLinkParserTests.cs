using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class IpLinkParserTests
{
    [Fact]
    public void Hotsos_ip_d_address_lists_every_interface_once_without_peer_suffix()
    {
        var links = IpLinkParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, "sos_commands/networking/ip_-d_address")).Value!;

        Assert.Equal(24, links.Count);
        Assert.Equal(["lo", "ens3", "ens4"], links.Take(3).Select(l => l.Name));
        Assert.Contains(links, l => l.Name == "veth1883dceb");
        Assert.StartsWith("2: ens3: <BROADCAST,MULTICAST,UP,LOWER_UP>", links.Single(l => l.Name == "ens3").Source.Text);
    }

    [Fact]
    public void One_line_format_and_odd_inputs()
    {
        var links = IpLinkParser.Parse(new TextLines("ip_-o_addr", "1: lo    inet 127.0.0.1/8 scope host lo\r\n2: eth0    inet 10.0.0.5/24 brd 10.0.0.255 scope global eth0\r\n2: eth0    inet6 fe80::1/64 scope link\r\n")).Value!;
        Assert.Equal(["lo", "eth0"], links.Select(l => l.Name));
        Assert.False(IpLinkParser.Parse(new TextLines("ip", "")).IsUsable);
        Assert.False(IpLinkParser.Parse(new TextLines("ip", "Cannot open netlink socket: Permission denied\n")).IsUsable);
    }
}
