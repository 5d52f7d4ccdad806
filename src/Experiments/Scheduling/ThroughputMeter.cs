namespace Studies.Experiments.Scheduling;

/// <summary>Rates over a sliding window of samples (taken at each progress tick, not per trial).</summary>
internal sealed class ThroughputMeter(TimeSpan window)
{
    private readonly Queue<(TimeSpan At, long Trials, long Tokens)> _samples = new();

    public (double TrialsPerSecond, double TokensPerSecond) Add(TimeSpan at, long trials, long tokens)
    {
        _samples.Enqueue((at, trials, tokens));
        while (_samples.Count > 2 && at - _samples.Peek().At > window)
        {
            _samples.Dequeue();
        }

        var first = _samples.Peek();
        double seconds = (at - first.At).TotalSeconds;
        return seconds <= 0 ? (0, 0) : ((trials - first.Trials) / seconds, (tokens - first.Tokens) / seconds);
    }
}
