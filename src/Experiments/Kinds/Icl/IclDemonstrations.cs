using System.Globalization;
using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Icl;

/// <summary>A demonstration as shown: its input and label text, and which label of the label space that text stands for.</summary>
internal sealed record ShownDemo(string Input, string Label, int? LabelIndex);

/// <summary>
/// Applies a condition's label and input treatment to drawn demonstrations. Randomness depends on the seed and the
/// demonstration's position only, never on the evaluated item, so all items of a condition share one prompt prefix
/// (evaluated once by the backend) and a random label is the same whichever item follows.
/// </summary>
internal static class IclDemonstrations
{
    /// <param name="order">A permutation of the demonstrations' positions, or null for the drawn order.</param>
    /// <param name="flip">flipped_labels: the fraction of demonstrations to flip.</param>
    public static IReadOnlyList<ShownDemo> Apply(
        IclCondition condition, IReadOnlyList<StudyItem> drawn, IReadOnlyList<string> labels, int seed, int[]? order, double flip)
    {
        var demos = order is null ? drawn : order.Select(i => drawn[i]).ToList();
        int k = demos.Count;
        var flipped = condition.Labels == LabelTreatment.Flipped ? FlippedPositions(k, flip, seed) : [];
        var shown = new List<ShownDemo>(k);
        for (int i = 0; i < k; i++)
        {
            string position = i.ToString(CultureInfo.InvariantCulture);
            int gold = LabelIndex(labels, demos[i].Label!);
            string input = condition.Inputs switch
            {
                InputTreatment.OutOfDistribution => RandomText.Draw(SeedDerivation.Random(seed, "ood_input", position), RandomText.WordCount(demos[i].Input)),
                InputTreatment.Random => RandomText.Draw(SeedDerivation.Random(seed, "random_input", position), RandomText.WordCount(demos[i].Input)),
                InputTreatment.None => "",
                _ => demos[i].Input,
            };
            int? label = condition.Labels switch
            {
                LabelTreatment.Random => SeedDerivation.Random(seed, "random_label", position).Next(labels.Count),
                LabelTreatment.Flipped when flipped.Contains(i) => OtherLabel(gold, labels.Count, seed, position),
                LabelTreatment.None => null,
                _ => gold,
            };
            string text = label is not { } l ? "" : condition.Labels == LabelTreatment.Unrelated ? condition.UnrelatedWords[l] : labels[l];
            shown.Add(new ShownDemo(input, text, label));
        }

        return shown;
    }

    /// <summary>The index of a label in the label space, case-insensitively (data checks guarantee it is there).</summary>
    public static int LabelIndex(IReadOnlyList<string> labels, string label)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The majority label among the shown labels, or null when there is none or a tie (Zhao et al.'s majority bias).</summary>
    public static int? Majority(IReadOnlyList<ShownDemo> demos)
    {
        var counts = demos.Where(d => d.LabelIndex.HasValue).GroupBy(d => d.LabelIndex!.Value).Select(g => (g.Key, Count: g.Count()))
            .OrderByDescending(x => x.Count).ToList();
        return counts.Count == 0 || (counts.Count > 1 && counts[0].Count == counts[1].Count) ? null : counts[0].Key;
    }

    /// <summary>The label of the last demonstration, nearest the query (Zhao et al.'s recency bias), or null.</summary>
    public static int? Recency(IReadOnlyList<ShownDemo> demos) => demos.Count == 0 ? null : demos[^1].LabelIndex;

    // round(p * k) positions, chosen by seed (the same positions for every item).
    private static HashSet<int> FlippedPositions(int k, double p, int seed)
    {
        int m = (int)Math.Round(p * k, MidpointRounding.AwayFromZero);
        int[] positions = Enumerable.Range(0, k).ToArray();
        SeedDerivation.Random(seed, "flipped_positions", k.ToString(CultureInfo.InvariantCulture)).Shuffle(positions);
        return [.. positions.Take(m)];
    }

    // Binary tasks flip to the other label; with more labels, a wrong label drawn by seed.
    private static int OtherLabel(int gold, int count, int seed, string position)
    {
        int r = SeedDerivation.Random(seed, "flipped_label", position).Next(count - 1);
        return r >= gold ? r + 1 : r;
    }
}
