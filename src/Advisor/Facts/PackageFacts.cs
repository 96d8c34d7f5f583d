namespace Advisor.Facts;

/// <summary>Installed packages from <c>dpkg -l</c> or <c>installed-rpms</c>.</summary>
public sealed class PackageFacts
{
    /// <summary><c>deb</c> or <c>rpm</c>: which version ordering applies.</summary>
    public Fact<string> Format { get; set; } = Fact<string>.Missing("no dpkg -l or installed-rpms list");

    public List<InstalledPackage> Installed { get; set; } = [];

    /// <summary>The installed package named <paramref name="name"/> (first one for multi-arch), or null.</summary>
    public InstalledPackage? Find(string name) => Installed.FirstOrDefault(p => p.Name == name && p.IsInstalled);

    public bool IsInstalled(string name) => Find(name) is not null;

    /// <summary>The installed version of <paramref name="name"/>, or null.</summary>
    public string? VersionOf(string name) => Find(name)?.Version.Value;
}
