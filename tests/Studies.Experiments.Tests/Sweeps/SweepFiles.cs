namespace Studies.Experiments.Tests.Sweeps;

/// <summary>Small sweeps on the real stories260K pair over synthetic data: seconds per run, so process tests stay short.</summary>
public static class SweepFiles
{
    /// <summary>An icl study: 12 items x 2 conditions x 2 models = 48 trials per run.</summary>
    public const string BaseStudy = """
        defaults:
          threads: 1
          max_tokens: 8
        studies:
          - name: sentiment
            kind: icl
            dataset: {synthetic: sentiment, size: 12, seed: 1}
            demos: 8
            conditions:
              - {type: gold, shots: 2}
              - {type: random_labels, shots: 2}
          - name: colors
            kind: icl
            dataset: {synthetic: color, size: 8, seed: 2}
            demos: 8
            conditions:
              - {type: gold, shots: 1}
        """;

    /// <summary>A sweep of studies x seeds x shots on the base/assistant pair.</summary>
    public static string Sweep(string studies, string seeds, string shots) => $"""
        name: test-sweep
        study_file: base.yaml
        grid:
          studies: {studies}
          models:
            - [stories260K, stories260K-chat]
          seeds: {seeds}
          shots: {shots}
        """;

    /// <summary>Writes base.yaml and sweep.yaml into the folder; returns the sweep's path.</summary>
    public static string Write(TempFolder dir, string sweep)
    {
        dir.File("base.yaml", BaseStudy);
        return dir.File("sweep.yaml", sweep);
    }
}
