namespace Advisor.Facts;

public sealed class OsFacts
{
    public Fact<string> PrettyName { get; set; } = Fact<string>.Missing("no os-release or lsb-release");
    /// <summary>Lower-case distribution id: <c>ubuntu</c>, <c>rhel</c>, <c>centos</c>…</summary>
    public Fact<string> Id { get; set; } = Fact<string>.Missing("no os-release or lsb-release");
    public Fact<string> VersionId { get; set; } = Fact<string>.Missing("no os-release or lsb-release");
}
