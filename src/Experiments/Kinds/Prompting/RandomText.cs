namespace Studies.Experiments.Kinds.Prompting;

/// <summary>
/// Out-of-distribution filler text for demonstration ablations (Min et al. 2022): random words from a fixed list of
/// plain, lower-case ASCII words that carry no sentiment or topic, so every vocabulary encodes them and they leak no
/// label. The list is part of the method: changing it changes results, so it is fixed here.
/// </summary>
internal static class RandomText
{
    public static IReadOnlyList<string> Words { get; } =
    [
        "table", "river", "seven", "window", "paper", "under", "garden", "stone", "cloud", "train",
        "corner", "button", "pencil", "market", "bridge", "candle", "ladder", "basket", "carpet", "field",
        "engine", "circle", "number", "orange", "planet", "rocket", "shadow", "silver", "spoon", "tower",
        "wheel", "yellow", "answer", "before", "bottle", "castle", "chair", "copper", "desk", "door",
        "echo", "fence", "forty", "glass", "hammer", "island", "jacket", "kettle", "lemon", "metal",
        "middle", "mirror", "north", "ocean", "pillow", "pocket", "puzzle", "ribbon", "road", "salt",
        "square", "street", "sugar", "ticket", "tunnel", "valley", "wagon", "water", "winter", "wooden",
        "across", "along", "around", "behind", "beside", "during", "inside", "later", "often", "second",
        "three", "twelve", "paint", "maps", "clock", "brick", "cotton", "drum", "grass", "hill",
    ];

    /// <summary><paramref name="count"/> words drawn with replacement, joined by spaces.</summary>
    public static string Draw(StableRandom rng, int count) =>
        string.Join(' ', Enumerable.Range(0, Math.Max(1, count)).Select(_ => Words[rng.Next(Words.Count)]));

    /// <summary>Whitespace-separated words in <paramref name="text"/> (for length matching).</summary>
    public static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
