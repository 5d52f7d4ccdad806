using Studies.Experiments.Model;
using static Studies.Experiments.Datasets.Synthetic.SyntheticWords;

namespace Studies.Experiments.Datasets.Synthetic;

/// <summary>Yes/no questions about a colour: "Tom has a red car. Is the car blue?" → no.</summary>
internal sealed class ColorGenerator : ISyntheticGenerator
{
    public string Name => "color";

    public string Description => "yes/no questions about the colour of a thing";

    public IReadOnlyList<string> Labels { get; } = ["yes", "no"];

    public bool SupportsChoices => false;

    public StudyItem Generate(StableRandom random, string id, int choices)
    {
        var person = random.Pick(People);
        string thing = random.Pick(Things);
        string color = random.Pick(Colors);
        bool yes = random.NextBool();
        string asked = yes ? color : random.Pick(Colors.Where(c => c != color).ToArray());
        return new StudyItem
        {
            Id = id,
            Input = $"{person.Name} has a {color} {thing}. Is the {thing} {asked}?",
            Label = yes ? "yes" : "no",
            Explanation = yes
                ? $"{person.Name} has a {color} {thing}. The {thing} is {color}, so the answer is yes."
                : $"{person.Name} has a {color} {thing}. The {thing} is {color}, not {asked}, so the answer is no.",
        };
    }
}
