using System.Globalization;
using Studies.Experiments.Model;
using static Studies.Experiments.Datasets.Synthetic.SyntheticWords;

namespace Studies.Experiments.Datasets.Synthetic;

/// <summary>
/// Counting with a small change: "Tom has 3 apples. He gets 2 more. How many apples does Tom have now?" → 5, with a
/// worked explanation ("3 and 2 more make 5").
/// </summary>
internal sealed class CountingGenerator : ISyntheticGenerator
{
    public string Name => "counting";

    public string Description => "how many things a child has after getting or losing some";

    public IReadOnlyList<string> Labels { get; } = [];

    public bool SupportsChoices => true;

    public StudyItem Generate(StableRandom random, string id, int choices)
    {
        var person = random.Pick(People);
        var thing = random.Pick(Countables);
        int start = random.Next(2, 9);
        bool gets = random.NextBool();
        int change = random.Next(1, gets ? 5 : start);
        int result = gets ? start + change : start - change;
        string subject = Capitalize(person.Subject);
        string input = gets
            ? $"{person.Name} has {Count(start, thing)}. {subject} gets {change} more. How many {thing.Many} does {person.Name} have now?"
            : $"{person.Name} has {Count(start, thing)}. {subject} loses {change}. How many {thing.Many} does {person.Name} have now?";
        string explanation = gets
            ? $"{person.Name} has {Count(start, thing)} and gets {change} more. {start} and {change} more make {result}. So {person.Name} has {Count(result, thing)}."
            : $"{person.Name} has {Count(start, thing)} and loses {change}. {start} take away {change} is {result}. So {person.Name} has {Count(result, thing)}.";
        var item = new StudyItem { Id = id, Input = input, Answer = Number(result), Explanation = explanation };
        return choices > 0 ? MultipleChoice.Make(item, Near(result), choices, random) : item;
    }

    internal static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    internal static string[] Near(int n) =>
        Enumerable.Range(Math.Max(0, n - 4), 9).Select(Number).ToArray();
}
