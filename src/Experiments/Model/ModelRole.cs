namespace Studies.Experiments.Model;

/// <summary>Base models get raw text prompts; assistant models get their chat template.</summary>
public enum ModelRole
{
    Base,
    Assistant,
}
