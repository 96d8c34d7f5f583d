using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Advisor.Knowledge;

/// <summary>
/// The kb articles of a rule set by id (the file name <c>kb/ADVnnnn.md</c>), each parsed from its text the first
/// time it is asked for: an ingest that finds nothing reads no article, and one finding reads one.
/// </summary>
public sealed class KbArticles : IReadOnlyDictionary<string, KbArticle>
{
    private readonly Dictionary<string, Lazy<KbArticle>> articles = new(StringComparer.Ordinal);

    /// <summary>Adds an article by its text; <paramref name="path"/> (<c>kb/ADV0001.md</c>) is what parse errors name.</summary>
    public void Add(string id, string path, string markdown) =>
        articles[id] = new Lazy<KbArticle>(() => KbArticleParser.Parse(path, markdown));

    /// <exception cref="KnowledgeBaseException">The article does not parse.</exception>
    public KbArticle this[string key] => articles[key].Value;

    public IEnumerable<string> Keys => articles.Keys;
    public IEnumerable<KbArticle> Values => articles.Values.Select(a => a.Value);
    public int Count => articles.Count;

    public bool ContainsKey(string key) => articles.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out KbArticle value)
    {
        value = articles.TryGetValue(key, out var article) ? article.Value : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, KbArticle>> GetEnumerator() =>
        articles.Select(a => KeyValuePair.Create(a.Key, a.Value.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
