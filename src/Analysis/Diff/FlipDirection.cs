namespace Studies.Analysis.Diff;

/// <summary>Which way a paired trial's correctness changed from run A to run B.</summary>
public enum FlipDirection
{
    RightToWrong,
    WrongToRight,
}
