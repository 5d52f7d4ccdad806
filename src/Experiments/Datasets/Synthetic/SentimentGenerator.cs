using Studies.Experiments.Model;
using static Studies.Experiments.Datasets.Synthetic.SyntheticWords;

namespace Studies.Experiments.Datasets.Synthetic;

/// <summary>One-line story sentiment: "Tom lost his red ball and cried. Is Tom happy or sad?" → happy | sad.</summary>
internal sealed class SentimentGenerator : ISyntheticGenerator
{
    private static readonly Func<Person, string, string, string>[] Happy =
    [
        (p, c, t) => $"{p.Name} got a new {c} {t} and smiled.",
        (p, c, t) => $"{p.Name} played with {p.Possessive} {c} {t} in the sun.",
        (p, c, t) => $"{p.Name} found a {c} {t} in the park and laughed.",
        (p, c, t) => $"{p.Name} won a {c} {t} and jumped for joy.",
        (p, c, _) => $"{p.Name} saw a pretty {c} bird and clapped.",
        (p, _, _) => $"{p.Name} ate a big cake with {p.Possessive} mom and smiled.",
        (p, _, _) => $"{p.Name} got a big hug from {p.Possessive} friend and laughed.",
    ];

    private static readonly Func<Person, string, string, string>[] Sad =
    [
        (p, c, t) => $"{p.Name} lost {p.Possessive} {c} {t} and cried.",
        (p, c, t) => $"{p.Name} broke {p.Possessive} {c} {t} and cried.",
        (p, c, t) => $"A big dog took the {c} {t} away from {p.Name}.",
        (p, c, t) => $"{p.Name} could not find {p.Possessive} {c} {t} and sat alone.",
        (p, _, _) => $"{p.Name} fell down and hurt {p.Possessive} knee.",
        (p, _, _) => $"{p.Name} dropped {p.Possessive} ice cream on the ground and cried.",
        (p, _, _) => $"{p.Name} had no friends to play with and felt alone.",
    ];

    public string Name => "sentiment";

    public string Description => "one-line stories, is the child happy or sad";

    public IReadOnlyList<string> Labels { get; } = ["happy", "sad"];

    public bool SupportsChoices => false;

    public StudyItem Generate(StableRandom random, string id, int choices)
    {
        bool happy = random.NextBool();
        var person = random.Pick(People);
        var template = random.Pick(happy ? Happy : Sad);
        string sentence = template(person, random.Pick(Colors), random.Pick(Toys));
        string label = happy ? "happy" : "sad";
        return new StudyItem
        {
            Id = id,
            Input = $"{sentence} Is {person.Name} happy or sad?",
            Label = label,
            Explanation = $"{sentence} That is a {(happy ? "good" : "bad")} thing, so {person.Name} is {label}.",
        };
    }
}
