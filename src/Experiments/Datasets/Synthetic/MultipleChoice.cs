using Studies.Experiments.Model;

namespace Studies.Experiments.Datasets.Synthetic;

/// <summary>Turns an open-answer item into a multiple-choice one: the gold answer among distinct distractors, shuffled.</summary>
internal static class MultipleChoice
{
    public static StudyItem Make(StudyItem item, IReadOnlyList<string> candidates, int choices, StableRandom random)
    {
        string gold = item.Answer!;
        var pool = candidates.Where(c => c != gold).Distinct().ToList();
        random.Shuffle(pool);
        var options = pool.Take(choices - 1).Append(gold).ToList();
        random.Shuffle(options);
        string letter = ((char)('A' + options.IndexOf(gold))).ToString();
        return item with
        {
            Choices = options,
            Answer = letter,
            Explanation = $"{item.Explanation} The answer is {letter}.",
        };
    }
}
