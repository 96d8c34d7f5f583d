namespace Advisor.Tests.Support;

/// <summary>A copy of the repository's rules/, rules/tests/, kb/ and schema in a temp folder, for tests that change the knowledge.</summary>
public static class KnowledgeBaseCopy
{
    public static string Create(TempFolder temp, string name = "kb-copy")
    {
        var root = temp.Combine(name);
        foreach (var folder in new[] { "rules", "rules/tests", "rules/tests/bases", "kb" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
            foreach (var file in Directory.EnumerateFiles(TestPaths.InRepository(folder)))
            {
                File.Copy(file, Path.Combine(root, folder, Path.GetFileName(file)));
            }
        }

        File.Copy(TestPaths.InRepository("rules.schema.json"), Path.Combine(root, "rules.schema.json"));
        return root;
    }
}
