namespace Studies.Experiments.Kinds.Scoring;

/// <summary>
/// Model calls that several trials of one plan share, made once. Lanham et al.'s interventions must all act on the
/// same chain of thought (and its answer), and contextual calibration scores the same content-free prompts for every
/// item; recomputing them per trial would cost calls and, on a non-deterministic backend, break the pairing.
/// <para>
/// The plan declares how many trials will ask for each key (<see cref="Expect"/>); an entry is dropped after its last
/// use, so a long sweep does not accumulate results. A failed call is not cached: the next asker runs it again.
/// Keys are only unique within one plan (one study, one model), which owns this instance.
/// </para>
/// </summary>
internal sealed class SharedCalls
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Entries currently held (for tests).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Declares one more trial that will ask for <paramref name="key"/> (called while planning).</summary>
    public void Expect(string key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var e))
            {
                _entries[key] = e = new Entry();
            }

            e.Expected++;
        }
    }

    /// <summary>The result for <paramref name="key"/>, running <paramref name="run"/> only if no trial has yet.</summary>
    /// <returns>The value, and whether this call ran it (its tokens count for this trial).</returns>
    public async Task<(T Value, bool Ran)> GetAsync<T>(string key, Func<Task<T>> run, CancellationToken ct)
        where T : notnull
    {
        try
        {
            while (true)
            {
                TaskCompletionSource<object>? mine = null;
                Task<object> task;
                lock (_gate)
                {
                    if (!_entries.TryGetValue(key, out var e))
                    {
                        _entries[key] = e = new Entry { Expected = 1 };
                    }

                    if (e.Task is null || e.Task.IsFaulted || e.Task.IsCanceled)
                    {
                        mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
                        e.Task = mine.Task;
                    }

                    task = e.Task;
                }

                if (mine is null)
                {
                    try
                    {
                        return ((T)await task.WaitAsync(ct).ConfigureAwait(false), false);
                    }
                    catch (Exception) when (!ct.IsCancellationRequested)
                    {
                        continue; // the trial that ran it failed; try it ourselves
                    }
                }

                try
                {
                    T value = await run().ConfigureAwait(false);
                    mine.SetResult(value);
                    return (value, true);
                }
                catch (Exception ex)
                {
                    lock (_gate)
                    {
                        if (_entries.TryGetValue(key, out var e) && e.Task == mine.Task)
                        {
                            e.Task = null;
                        }
                    }

                    mine.SetException(ex);
                    _ = mine.Task.Exception; // observed: the exception is rethrown below
                    throw;
                }
            }
        }
        finally
        {
            Release(key);
        }
    }

    /// <summary>
    /// The result for <paramref name="key"/>, with its calls' tokens counted in <paramref name="ledger"/> whichever
    /// trial ran it: prompt and completion tokens for every asker (what its answer rests on, so a trial's record does
    /// not depend on which of several concurrent trials got there first), evaluated tokens only for the one that ran
    /// it (the work done, a timing).
    /// </summary>
    public async Task<T> GetAsync<T>(string key, Func<CallLedger, Task<T>> run, CallLedger ledger, CancellationToken ct)
        where T : notnull
    {
        var (metered, ran) = await GetAsync(key, async () =>
        {
            var own = new CallLedger();
            T value = await run(own).ConfigureAwait(false);
            return new Metered<T>(value, own);
        }, ct).ConfigureAwait(false);
        ledger.Include(metered.Ledger, ran);
        return metered.Value;
    }

    /// <summary>A trial that expected <paramref name="key"/> will not ask for it after all.</summary>
    public void Skip(string key) => Release(key);

    private void Release(string key)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var e) && --e.Expected <= 0)
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed record Metered<T>(T Value, CallLedger Ledger);

    private sealed class Entry
    {
        public int Expected;
        public Task<object>? Task;
    }
}
