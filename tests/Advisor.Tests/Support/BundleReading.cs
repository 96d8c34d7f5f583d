using Advisor.Bundles;

namespace Advisor.Tests.Support;

/// <summary>Reads a bundle with the real <see cref="BundleReader"/>, keeping every file (or the given globs).</summary>
public static class BundleReading
{
    public static BundleContents Read(string path, bool useNativeXz = true, params string[] globs) =>
        Read(path, out _, useNativeXz, globs);

    public static BundleContents Read(string path, out string bundleId, bool useNativeXz = true, params string[] globs)
    {
        var reader = new BundleReader(new WantedPaths(globs.Length == 0 ? ["**/*"] : globs), new BundleLimits()) { UseNativeXz = useNativeXz };
        return reader.Read(path, out bundleId);
    }
}
