namespace Studies.Analysis.Diff;

/// <summary>One line of flips.jsonl: a flipped pair with both sides' outputs, flat for pandas / DuckDB / polars.</summary>
public sealed record FlipLine
{
    /// <summary>right_to_wrong or wrong_to_right.</summary>
    public required string Direction { get; init; }

    public required string Study { get; init; }

    public required string Condition { get; init; }

    /// <summary>The group's facets as written in the report ("shots=4").</summary>
    public required string Group { get; init; }

    public required IReadOnlyDictionary<string, string> Facets { get; init; }

    public required string ItemId { get; init; }

    public int Seed { get; init; }

    public required string ModelA { get; init; }

    public required string ModelB { get; init; }

    public string? GoldA { get; init; }

    public string? GoldB { get; init; }

    public string? PredictionA { get; init; }

    public string? PredictionB { get; init; }

    public string? OutputA { get; init; }

    public string? OutputB { get; init; }

    public required string PromptHashA { get; init; }

    public required string PromptHashB { get; init; }

    public required string KeyA { get; init; }

    public required string KeyB { get; init; }

    public static FlipLine From(FlippedItem flip) => new()
    {
        Direction = flip.Direction == FlipDirection.RightToWrong ? "right_to_wrong" : "wrong_to_right",
        Study = flip.A.Study,
        Condition = flip.A.Condition,
        Group = flip.Group.Facets,
        Facets = flip.A.Facets,
        ItemId = flip.A.ItemId,
        Seed = flip.A.Seed,
        ModelA = flip.A.Model,
        ModelB = flip.B.Model,
        GoldA = flip.A.Gold,
        GoldB = flip.B.Gold,
        PredictionA = flip.A.Prediction,
        PredictionB = flip.B.Prediction,
        OutputA = flip.A.Output,
        OutputB = flip.B.Output,
        PromptHashA = flip.A.PromptHash,
        PromptHashB = flip.B.PromptHash,
        KeyA = flip.A.Key,
        KeyB = flip.B.Key,
    };
}
