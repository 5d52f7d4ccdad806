namespace Studies.Cli.Bench;

/// <summary>
/// A deterministic in-context-learning label-scoring task: k demonstrations then the item, scored against every label,
/// as an icl study runs it (one prompt per item sharing the demonstrations, label log-likelihood scoring).
/// </summary>
internal static class IclWorkload
{
    public static readonly string[] Labels = [" happy", " sad", " angry", " scared"];

    private static readonly string[] Names = ["Tom", "Lily", "Ben", "Sue", "Max", "Mia", "Sam", "Anna", "Tim", "Lucy"];

    private static readonly string[][] Events =
    [
        ["got a new toy and smiled", "played in the sun with a friend", "ate a big cake with mom", "found a pretty flower", "won the race at the park"],
        ["lost the red ball and cried", "saw the bird fly away forever", "broke a favorite cup", "could not find the cat", "had to say goodbye to a friend"],
        ["yelled when the tower fell down", "stomped because the dog took the toy", "was mad that the cake was gone", "shouted at the noisy bird", "hit the table with a fist"],
        ["heard a loud noise in the dark", "saw a big spider on the wall", "hid from the storm under the bed", "ran from the barking dog", "was alone in the deep woods"],
    ];

    /// <summary>Prompts (demonstrations + item) and the gold label index of each item.</summary>
    public static IReadOnlyList<(string Prompt, int Gold)> Build(int shots, int items, int seed = 1)
    {
        var random = new Random(seed);
        var demos = Enumerable.Range(0, shots).Select(i => Example(random, i % Labels.Length)).OrderBy(_ => random.Next()).ToArray();
        string prefix = string.Concat(demos.Select(d => $"Sentence: {d.Text}\nFeeling:{Labels[d.Label]}\n\n"));
        var result = new List<(string, int)>(items);
        for (int i = 0; i < items; i++)
        {
            var (text, label) = Example(random, random.Next(Labels.Length));
            result.Add(($"{prefix}Sentence: {text}\nFeeling:", label));
        }

        return result;
    }

    private static (string Text, int Label) Example(Random random, int label) =>
        ($"{Names[random.Next(Names.Length)]} {Events[label][random.Next(Events[label].Length)]}.", label);
}
