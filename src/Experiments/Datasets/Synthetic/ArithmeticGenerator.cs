using Studies.Experiments.Model;

namespace Studies.Experiments.Datasets.Synthetic;

/// <summary>
/// Small arithmetic in words ("What is 3 plus 4?" → 7): the TinyStories-656K vocabulary has no '+' or '='.
/// </summary>
internal sealed class ArithmeticGenerator : ISyntheticGenerator
{
    public string Name => "arithmetic";

    public string Description => "what is a plus or minus b, for numbers up to 20";

    public IReadOnlyList<string> Labels { get; } = [];

    public bool SupportsChoices => true;

    public StudyItem Generate(StableRandom random, string id, int choices)
    {
        bool plus = random.NextBool();
        int a = random.Next(1, 20);
        int b = plus ? random.Next(1, 20) : random.Next(0, a);
        int result = plus ? a + b : a - b;
        string op = plus ? "plus" : "minus";
        var item = new StudyItem
        {
            Id = id,
            Input = $"What is {a} {op} {b}?",
            Answer = CountingGenerator.Number(result),
            Explanation = plus
                ? $"We start with {a} and add {b}. {a} {op} {b} is {result}."
                : $"We start with {a} and take away {b}. {a} {op} {b} is {result}.",
        };
        return choices > 0 ? MultipleChoice.Make(item, CountingGenerator.Near(result), choices, random) : item;
    }
}
