namespace Advisor.Configuration;

/// <summary>The <c>Reports</c> section of the settings.</summary>
public sealed class ReportSettings
{
    /// <summary>
    /// Where Advisor's documentation is published, as an absolute URI ending in <c>/</c> (the folder holding
    /// <c>README.md</c> and <c>kb/</c>). SARIF then links each rule to <c>kb/ADVnnnn.md</c> under it
    /// (<c>helpUri</c>) and the tool to <c>README.md</c> (<c>informationUri</c>); without it those links are left
    /// out and the rule's help names the kb article by its relative path.
    /// </summary>
    public string? DocumentationUri { get; set; }

    /// <summary>The checked <see cref="DocumentationUri"/>: null when unset; a relative or non-web address is a configuration error.</summary>
    public string? CheckedDocumentationUri()
    {
        if (string.IsNullOrWhiteSpace(DocumentationUri)) return null;
        if (!Uri.TryCreate(DocumentationUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "file"))
        {
            throw new ConfigurationException($"Reports:DocumentationUri = '{DocumentationUri}' is not an absolute http(s) or file URI");
        }

        return uri.AbsoluteUri;
    }
}
