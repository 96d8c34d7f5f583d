namespace Advisor.Facts;

public sealed class OsFacts
{
    public Fact<string> PrettyName { get; set; } = Fact<string>.Missing("no os-release or lsb-release");
    /// <summary>Lower-case distribution id: <c>ubuntu</c>, <c>rhel</c>, <c>centos</c>…</summary>
    public Fact<string> Id { get; set; } = Fact<string>.Missing("no os-release or lsb-release");
    public Fact<string> VersionId { get; set; } = Fact<string>.Missing("no os-release or lsb-release");
    /// <summary>os-release <c>ID_LIKE</c>, e.g. <c>debian</c> or <c>rhel fedora</c>.</summary>
    public Fact<string> IdLike { get; set; } = Fact<string>.Missing("os-release has no ID_LIKE");
    /// <summary>The line of <c>etc/redhat-release</c>, e.g. <c>CentOS Linux release 7.7.1908 (Core)</c>.</summary>
    public Fact<string> RedHatRelease { get; set; } = Fact<string>.Missing("no etc/redhat-release");
}
