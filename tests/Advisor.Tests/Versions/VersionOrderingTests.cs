using Advisor.Versions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Advisor.Tests.Versions;

/// <summary>dpkg's verrevcmp and rpm's rpmvercmp: known orderings, and the laws any ordering must keep.</summary>
public sealed class VersionOrderingTests
{
    [Theory]
    [InlineData("1.0~rc1", "1.0", -1)]
    [InlineData("1.0~rc1", "1.0~rc2", -1)]
    [InlineData("1.0~~", "1.0~", -1)]
    [InlineData("1:0.1", "2.0", 1)]
    [InlineData("1.0a", "1.0", 1)]
    [InlineData("1.0", "1.0+b1", -1)]
    [InlineData("1.0.0", "1.0", 1)]
    [InlineData("2.0.1", "2.0", 1)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("1.01", "1.1", 0)]
    [InlineData("1.0-1", "1.0-0ubuntu1", 1)]
    [InlineData("4.4.0-155.182", "4.4.0-154.181", 1)]
    [InlineData("5.4.0-97.110", "5.4.0-100.113", -1)]
    [InlineData("0.6.55-0ubuntu12~20.04.5", "0.6.55-0ubuntu12", -1)]
    [InlineData("1.0", "1.0-0", 0)]
    [InlineData("a", "+", -1)]
    [InlineData("1:1.0", "1.0", 1)]
    public void Debian_known_orderings(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(DebianVersion.Compare(a, b)));
        Assert.Equal(-expected, Math.Sign(DebianVersion.Compare(b, a)));
    }

    [Theory]
    [InlineData("1.0^git1", "1.0", 1)]
    [InlineData("1.0^git1", "1.0.1", -1)]
    [InlineData("1.0~rc1", "1.0", -1)]
    [InlineData("1.0~rc1^git1", "1.0~rc1", 1)]
    [InlineData("2.0.1", "2.0", 1)]
    [InlineData("1.0a", "1.0", 1)]
    [InlineData("1.0", "1.0a", -1)]
    [InlineData("1.a", "1.1", -1)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("1.001", "1.1", 0)]
    [InlineData("1.0_1", "1.0.1", 0)]
    [InlineData("1160.el7", "1062.el7", 1)]
    [InlineData("427.13.1.el9_4", "427.el9", 1)]
    [InlineData("5.14", "5.14.0", -1)]
    [InlineData("fc41", "fc9", 1)]
    public void Rpm_known_orderings(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(RpmVersion.Compare(a, b)));
        Assert.Equal(-expected, Math.Sign(RpmVersion.Compare(b, a)));
    }

    [Theory]
    [InlineData("1:1.0-1", "2.0-1", 1)]
    [InlineData("1.0-2.el7", "1.0-10.el7", -1)]
    [InlineData("1.0", "1.0-5", 0)]
    [InlineData("0:2.0", "2.0", 0)]
    public void Rpm_epoch_version_release(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(RpmVersion.CompareEvr(a, b)));
    }

    private static Arbitrary<string> Versions() =>
        Gen.ArrayOf(Gen.Elements("0123456789.~^-:+_abzAZ".ToCharArray())).Select(chars => new string(chars)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Debian_is_reflexive_and_antisymmetric() =>
        Prop.ForAll(Versions(), Versions(), (a, b) =>
            DebianVersion.Compare(a, a) == 0 && Math.Sign(DebianVersion.Compare(a, b)) == -Math.Sign(DebianVersion.Compare(b, a)));

    [Property(MaxTest = 500)]
    public Property Rpm_is_reflexive_and_antisymmetric() =>
        Prop.ForAll(Versions(), Versions(), (a, b) =>
            RpmVersion.Compare(a, a) == 0 && Math.Sign(RpmVersion.Compare(a, b)) == -Math.Sign(RpmVersion.Compare(b, a)));

    /// <summary>Sorting with a transitive comparer leaves every pair in order; an intransitive one cannot.</summary>
    [Property(MaxTest = 200)]
    public Property Debian_is_transitive() =>
        Prop.ForAll(Gen.ArrayOf(Versions().Generator).ToArbitrary(), versions => IsTotalOrder(versions, DebianVersion.Compare));

    [Property(MaxTest = 200)]
    public Property Rpm_is_transitive() =>
        Prop.ForAll(Gen.ArrayOf(Versions().Generator).ToArbitrary(), versions => IsTotalOrder(versions, RpmVersion.Compare));

    private static bool IsTotalOrder(string[] versions, Func<string, string, int> compare)
    {
        for (var i = 0; i < versions.Length; i++)
        {
            for (var j = 0; j < versions.Length; j++)
            {
                for (var k = 0; k < versions.Length; k++)
                {
                    if (compare(versions[i], versions[j]) <= 0 && compare(versions[j], versions[k]) <= 0 && compare(versions[i], versions[k]) > 0) return false;
                }
            }
        }

        return true;
    }
}
