namespace Advisor.Facts;

public sealed class ClocksourceFacts
{
    public Fact<string> Current { get; set; } = Fact<string>.Missing("no current_clocksource file");
    public Fact<List<string>> Available { get; set; } = Fact<List<string>>.Missing("no available_clocksource file");
}
