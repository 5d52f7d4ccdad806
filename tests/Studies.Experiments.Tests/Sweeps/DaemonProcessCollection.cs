namespace Studies.Experiments.Tests.Sweeps;

/// <summary>Process tests run one at a time: each runs real models on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DaemonProcessCollection
{
    public const string Name = "daemon processes";
}
