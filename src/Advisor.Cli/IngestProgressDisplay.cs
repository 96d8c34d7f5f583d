using Advisor.Bundles;
using Spectre.Console;

namespace Advisor.Cli;

/// <summary>
/// A live progress display on standard error, one line per bundle: bytes of the bundle file read against its
/// length (a bar, a percentage and <c>1.2/3.0 MiB</c>; see <see cref="BundleSizeColumn"/>), and entries seen. It polls the readers' counters ten times
/// a second, so the reads themselves do no extra work for it. Only used when standard error is a terminal.
/// </summary>
public static class IngestProgressDisplay
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static void Run(CliConsole console, IReadOnlyList<(string Name, BundleReadProgress Progress)> bundles, Action work)
    {
        console.Status.Progress()
            .AutoClear(true)
            .AutoRefresh(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new BundleSizeColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                // the file name alone keeps the line short enough for the bar on a narrow terminal
                var tasks = bundles.Select(b => (Name: Path.GetFileName(Path.TrimEndingDirectorySeparator(b.Name)), b.Progress))
                    .Select(b => (b.Name, b.Progress, Task: context.AddTask(Markup.Escape(b.Name), maxValue: 1)))
                    .ToList();
                var worker = Task.Run(work);
                while (!worker.Wait(Interval))
                {
                    Update(tasks);
                }

                Update(tasks);
                // drawn now: the auto-refresh thread may not come round again before the display ends
                context.Refresh();
                worker.GetAwaiter().GetResult();
            });
    }

    private static void Update(List<(string Name, BundleReadProgress Progress, ProgressTask Task)> tasks)
    {
        foreach (var (name, progress, task) in tasks)
        {
            // stopped once its bundle is done; a task whose input is all read (the bar full) still counts entries
            if (task.StopTime is not null) continue;
            if (progress.InputLength > 0)
            {
                task.MaxValue = progress.InputLength;
                task.Value = progress.InputBytesRead;
            }
            else
            {
                // a pipe or a folder: no length to fill the bar against, so it moves without one until the end
                task.IsIndeterminate = !progress.Finished;
            }

            BundleSizeColumn.Update(task, progress.InputLength, progress.InputBytesRead);

            task.Description = Markup.Escape($"{name}: {progress.EntriesSeen:N0} entries");
            if (progress.Finished)
            {
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }
}
