namespace Advisor.Facts;

/// <summary>One package: <c>ii  linux-image-5.4.0-97-generic 5.4.0-97.110 amd64 …</c> or <c>kernel-3.10.0-1160.el7.x86_64</c>.</summary>
public sealed class InstalledPackage
{
    public string Name { get; set; } = "";

    /// <summary>Debian <c>[epoch:]upstream[-revision]</c> or RPM <c>version-release</c>.</summary>
    public Fact<string> Version { get; set; } = Fact<string>.Missing("no version");

    public string Architecture { get; set; } = "";

    /// <summary>dpkg's two-letter state (<c>ii</c>, <c>rc</c>…); <c>ii</c> for rpm packages.</summary>
    public string State { get; set; } = "";

    public bool IsInstalled => State.Length >= 2 && State[1] == 'i';
}
