using Studies.Backends.Local;

namespace Studies.Cli.Bench;

/// <summary>What every part needs: the model, the thread count, how often to repeat, and the baseline tool.</summary>
internal sealed class BenchContext(string modelPath, int threads, int repetitions, int rounds,
    Func<LocalBackendOptions, LocalLanguageModel> load, LlamaBenchTool llamaBench, Action<string> status)
{
    public string ModelPath { get; } = modelPath;

    /// <summary>Threads per llama.cpp context, on both sides of every comparison.</summary>
    public int Threads { get; } = threads;

    /// <summary>Timed repetitions per measurement in each round (after a warm-up).</summary>
    public int Repetitions { get; } = repetitions;

    /// <summary>Rounds that alternate between our side and the baseline, so load from other processes hits both.</summary>
    public int Rounds { get; } = rounds;

    public LlamaBenchTool LlamaBench { get; } = llamaBench;

    /// <summary>Loads the model in-process with these options (threads are set by the caller).</summary>
    public LocalLanguageModel Load(LocalBackendOptions options) => load(options);

    /// <summary>Reports progress on stderr.</summary>
    public void Status(string message) => status(message);
}
