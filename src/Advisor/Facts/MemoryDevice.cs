namespace Advisor.Facts;

/// <summary>dmidecode "Memory Device" (type 17): one DIMM slot.</summary>
public sealed class MemoryDevice
{
    public string Locator { get; set; } = "";
    public string BankLocator { get; set; } = "";
    /// <summary><c>Size</c> as printed: <c>16384 MB</c>, <c>32 GB</c>, <c>No Module Installed</c>.</summary>
    public Fact<string> Size { get; set; } = Fact<string>.Missing("no Size line");
    /// <summary>The size in MiB; 0 for an empty slot.</summary>
    public long SizeMiB { get; set; }
    public Fact<string> Type { get; set; } = Fact<string>.Missing("no Type line");
    public Fact<string> Speed { get; set; } = Fact<string>.Missing("no Speed line");
    public Fact<string> ConfiguredSpeed { get; set; } = Fact<string>.Missing("no Configured Memory Speed line");
    public bool IsPopulated => SizeMiB > 0;
}
