using Studies.Experiments.Model;
using static Studies.Experiments.Datasets.Synthetic.SyntheticWords;

namespace Studies.Experiments.Datasets.Synthetic;

/// <summary>
/// Questions answered by a short story given with the item (its Context): "Lily had a red dog named Spot. ..."
/// + "What was the name of the dog?" → Spot.
/// </summary>
internal sealed class StoryQaGenerator : ISyntheticGenerator
{
    public string Name => "story_qa";

    public string Description => "questions about a short story given in the prompt";

    public IReadOnlyList<string> Labels { get; } = [];

    public bool SupportsChoices => true;

    public StudyItem Generate(StableRandom random, string id, int choices)
    {
        var person = random.Pick(People);
        string color = random.Pick(Colors);
        string pet = random.Pick(Pets);
        string petName = random.Pick(PetNames);
        string place = random.Pick(Places);
        string animal = random.Pick(Animals);
        string story = $"{person.Name} had a {color} {pet} named {petName}. One day, {person.Name} and {petName} went to the {place}. "
            + $"They saw a {animal} and played all day.";
        var (question, answer, fact, pool) = random.Next(4) switch
        {
            0 => ($"What was the name of the {pet}?", petName, $"the {pet} was named {petName}", PetNames),
            1 => ($"Where did {person.Name} and {petName} go?", place, $"they went to the {place}", Places),
            2 => ($"What color was the {pet}?", color, $"the {pet} was {color}", Colors),
            _ => ("What did they see?", animal, $"they saw a {animal}", Animals),
        };
        var item = new StudyItem
        {
            Id = id,
            Input = question,
            Context = story,
            Answer = answer,
            Explanation = $"The story says {fact}. So the answer is {answer}.",
        };
        return choices > 0 ? MultipleChoice.Make(item, pool, choices, random) : item;
    }
}
