using Advisor.Cli;

namespace Advisor.Tests.Cli;

public sealed class ReportFileNamesTests
{
    [Fact]
    public void Reports_are_named_after_their_bundles_without_the_archive_extension_and_never_collide()
    {
        var names = ReportFileNames.For(["/in/sosreport-web01-2026.tar.xz", "/other/sosreport-web01-2026.tgz", "/in/unpacked-sosreport/", "/in/db01.tar.zst"], "html", "out");

        Assert.Equal(
            [Path.Combine("out", "sosreport-web01-2026.html"), Path.Combine("out", "sosreport-web01-2026-2.html"), Path.Combine("out", "unpacked-sosreport.html"), Path.Combine("out", "db01.html")],
            names);
    }
}
