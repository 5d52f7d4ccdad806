using Studies.Experiments.Model;

namespace Studies.Experiments.Config;

/// <summary>
/// One model entry of a study (or of defaults). Local models are found by <see cref="Name"/> on the model search path
/// or by <see cref="Path"/>; remote ones (a provider registered for <c>backend: remote</c>) by <see cref="Url"/> and
/// <see cref="RemoteModel"/>, with the API key read from the environment variable <see cref="ApiKeyEnv"/> (never from YAML).
/// </summary>
public sealed record ModelSpec
{
    /// <summary>A catalog name ("TinyStories-656K") or file name.</summary>
    public string? Name { get; init; }

    /// <summary>A GGUF path, resolved against the study file's folder.</summary>
    public string? Path { get; init; }

    /// <summary>The name results use; defaults to the name, the file name or the remote model id.</summary>
    public string? Alias { get; init; }

    /// <summary>Null: inferred after loading (a model with a chat template is an assistant).</summary>
    public ModelRole? Role { get; init; }

    /// <summary>A template name ("chatml") or template text, for models whose file has none.</summary>
    public string? ChatTemplate { get; init; }

    public string Backend { get; init; } = "local";

    public string? Url { get; init; }

    /// <summary>The model id a remote server knows (YAML <c>model:</c>).</summary>
    public string? RemoteModel { get; init; }

    public string? ApiKeyEnv { get; init; }

    /// <summary>llama.cpp threads per context; null = the backend's configured default.</summary>
    public int? Threads { get; init; }

    /// <summary>Contexts of a local model (each runs one trial at a time); null = the backend's configured default.</summary>
    public int? Contexts { get; init; }

    /// <summary>Trials in flight on this model at once; null = the backend's default (the local context count).</summary>
    public int? Concurrency { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>The study file's folder: a catalog name is also looked up relative to it.</summary>
    public string SearchDirectory { get; init; } = "";

    public string DisplayName =>
        Alias ?? RemoteModel ?? Name ?? System.IO.Path.GetFileNameWithoutExtension(Path) ?? "model";

    /// <summary>Two entries with the same identity share one loaded model.</summary>
    public string Identity =>
        string.Join('|', Backend, Alias, Name, Path, ChatTemplate, Url, RemoteModel, Threads, Contexts);
}
