namespace Studies.Analysis.Statistics;

/// <summary>
/// A metric evaluated on a multiset of items given by index (a bootstrap resample repeats some and omits others).
/// Return NaN when the metric is undefined on that resample (e.g. AUROC with one class); the bootstrap skips it.
/// </summary>
public delegate double ItemMetric(ReadOnlySpan<int> items);
