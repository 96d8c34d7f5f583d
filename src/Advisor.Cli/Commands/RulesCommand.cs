using System.CommandLine;
using Advisor.Knowledge;
using Advisor.Rules;
using Advisor.Rules.Testing;
using Spectre.Console;

namespace Advisor.Cli.Commands;

/// <summary><c>advisor rules list | validate [folder] | test [folder] | explain &lt;id&gt;</c>: the knowledge base's own tooling.</summary>
public static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("rules", "List, validate, test and explain the knowledge base's rules");
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Validate(console));
        command.Subcommands.Add(Test(console));
        command.Subcommands.Add(Explain(console));
        return command;
    }

    private static Argument<string?> FolderArgument() => new("folder")
    {
        Description = "A folder holding rules/, kb/ and rules.schema.json (a checkout of the knowledge base); default: the rules shipped with this advisor",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static Command List(CliConsole console)
    {
        var command = new Command("list", "List every rule: id, title, default severity, category and scope");
        command.SetAction(_ => WithRules(console, null, rules =>
        {
            var table = new Table().AddColumns("Id", "Title", "Severity", "Category", "Scope");
            foreach (var rule in rules.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                table.AddRow(rule.Id, Markup.Escape(rule.Title), rule.DefaultSeverity, rule.Category, rule.Scope);
            }

            console.Report.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Validate(CliConsole console)
    {
        var folder = FolderArgument();
        var command = new Command("validate", "Check rule files against rules.schema.json, compile their expressions, and check every rule has a kb article and test cases, and every article a rule") { folder };
        command.SetAction(parse => WithRules(console, parse.GetValue(folder), checkSchema: true, action: rules =>
        {
            var root = RootOf(parse.GetValue(folder));
            var problems = new RuleEvaluator(rules).FindCompileErrors().ToList();
            var testFiles = new RuleTestRunner(rules, Path.Combine(root, "rules", "tests")).LoadFiles();
            foreach (var rule in rules.Rules.Where(r => testFiles.All(f => f.Rule != r.Id)))
            {
                problems.Add($"{rule.SourcePath}:1: rule {rule.Id} has no test cases (rules/tests/{rule.Id}.yaml)");
            }

            foreach (var problem in problems)
            {
                console.Out.WriteLine(problem);
            }

            console.Out.WriteLine(problems.Count == 0
                ? $"{rules.Rules.Count} rules and {rules.Articles.Count} kb articles are valid (rule set {rules.Version})"
                : $"{problems.Count} problem(s)");
            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.UsageError;
        }));
        return command;
    }

    private static Command Test(CliConsole console)
    {
        var folder = FolderArgument();
        var only = new Option<string?>("--rule") { Description = "Run only this rule's cases", HelpName = "id" };
        var command = new Command("test", "Run the rule test cases in rules/tests/: each a bundle that must raise its rule or a near miss that must not") { folder, only };
        command.SetAction(parse => WithRules(console, parse.GetValue(folder), rules =>
        {
            var runner = new RuleTestRunner(rules, Path.Combine(RootOf(parse.GetValue(folder)), "rules", "tests"));
            var outcomes = runner.RunAll(parse.GetValue(only)).ToList();
            foreach (var outcome in outcomes)
            {
                console.Out.WriteLine(outcome.ToString());
            }

            var failed = outcomes.Count(o => !o.Passed);
            console.Out.WriteLine($"{outcomes.Count - failed} passed, {failed} failed");
            return failed == 0 && outcomes.Count > 0 ? ExitCodes.Success : ExitCodes.FindingsAtThreshold;
        }));
        return command;
    }

    private static Command Explain(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "A rule id such as ADV0001" };
        var command = new Command("explain", "Show one rule's descriptor, expressions and kb article") { id };
        command.SetAction(parse => WithRules(console, null, rules =>
        {
            var wanted = parse.GetValue(id)!.Trim().ToUpperInvariant();
            var rule = rules.Rules.FirstOrDefault(r => r.Id == wanted);
            if (rule is null)
            {
                console.Fail($"no rule {wanted}; 'advisor rules list' shows the ids");
                return ExitCodes.UsageError;
            }

            var article = rules.ArticleFor(rule.Id);
            console.Out.WriteLine($"{rule.Id}: {rule.Title}");
            console.Out.WriteLine($"  category {rule.Category}, default severity {rule.DefaultSeverity}, scope {rule.Scope}, file {rule.SourcePath}");
            if (!string.IsNullOrWhiteSpace(rule.AppliesTo)) console.Out.WriteLine($"  applies to: {rule.AppliesTo}");
            if (rule.Requires.Count > 0) console.Out.WriteLine($"  requires:   {string.Join(", ", rule.Requires)}");
            console.Out.WriteLine($"  condition:  {rule.Condition}");
            console.Out.WriteLine($"  message:    {rule.MessageFormat}");
            console.Out.WriteLine();
            console.Out.WriteLine(File.ReadAllText(Path.Combine(KnowledgeLocation.ShippedRoot, article.SourcePath)));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string RootOf(string? folder) => folder is null ? KnowledgeLocation.ShippedRoot : Path.GetFullPath(folder);

    /// <param name="checkSchema">Check every rule file against <c>rules.schema.json</c> as well (<c>rules validate</c>).</param>
    private static int WithRules(CliConsole console, string? folder, Func<RuleSet, int> action, bool checkSchema = false)
    {
        RuleSet rules;
        try
        {
            var root = Path.GetFullPath(RootOf(folder), console.WorkingDirectory);
            rules = checkSchema ? RuleSet.ValidateFrom(root) : RuleSet.LoadFrom(root);
        }
        catch (KnowledgeBaseException e)
        {
            console.Out.WriteLine(e.Message);
            console.Fail("the knowledge base is invalid (problems listed above)");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail($"{folder}: {e.Message}");
            return ExitCodes.UsageError;
        }

        return action(rules);
    }
}
