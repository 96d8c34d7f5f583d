using Advisor.Bundles;
using Advisor.Facts;
using Advisor.Parsing;

namespace Advisor.Tests.Support;

/// <summary>The real captures under ../shared/realdata as parser input, and the two hotsos bundles read once per test run.</summary>
public static class RealCaptures
{
    private static readonly Lazy<BundleContents> OpenstackContents = new(() => Read("bundles/hotsos-openstack.tar.xz"));
    private static readonly Lazy<BundleContents> CephMonContents = new(() => Read("bundles/hotsos-ceph-mon.tar.xz"));
    private static readonly Lazy<HostFacts> OpenstackFacts = new(() => HostFactsBuilder.Build(OpenstackContents.Value));
    private static readonly Lazy<HostFacts> CephMonFacts = new(() => HostFactsBuilder.Build(CephMonContents.Value));

    /// <summary>A sample file (path relative to realdata/samples) as the lines a parser reads; the path names the sample.</summary>
    public static TextLines Sample(string relative) =>
        new($"samples/{relative}", File.ReadAllText(TestPaths.RealData($"samples/{relative}")));

    /// <summary>The hotsos OpenStack compute node (Ubuntu 20.04 KVM guest), read with the facts globs.</summary>
    public static BundleContents Openstack => OpenstackContents.Value;

    /// <summary>The hotsos ceph-mon LXD container.</summary>
    public static BundleContents CephMon => CephMonContents.Value;

    public static HostFacts OpenstackHost => OpenstackFacts.Value;

    public static HostFacts CephMonHost => CephMonFacts.Value;

    /// <summary>One captured file of a bundle as parser input; fails the test when the bundle lacks it.</summary>
    public static TextLines FileOf(BundleContents bundle, string path) =>
        new(bundle.Find(path) ?? throw new InvalidOperationException($"the bundle holds no {path}"));

    private static BundleContents Read(string relative) =>
        new BundleReader(HostFactsBuilder.Wanted, new BundleLimits()).Read(TestPaths.RealData(relative), out _);
}
