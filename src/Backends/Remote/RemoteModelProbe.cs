namespace Studies.Backends.Remote;

/// <summary>
/// What a server says about the model it serves, asked once at connect time: context length, chat template, vocabulary
/// and build, recorded in every run's manifest. Failing here (server down, wrong URL, bad key) is one clear error before
/// any trial runs.
/// </summary>
internal static class RemoteModelProbe
{
    public static async Task<ModelInfo> ProbeAsync(RemoteBackendOptions options, LlamaServerApi llama, OpenAiCompletionsApi openAi,
        RemoteRequestExecutor executor, CancellationToken ct)
    {
        var info = new ModelInfo
        {
            Name = options.Name ?? options.Model,
            Backend = "remote",
            Location = string.Join(", ", options.Endpoints.Select(e => e.TrimEnd('/'))),
            RuntimeVersion = options.Server.ToName(),
        };

        var models = await executor.ExecuteAsync("connect (GET /v1/models)", openAi.ModelsAsync, ct).ConfigureAwait(false);
        var entry = models.Data.FirstOrDefault(m => m.Id == options.Model) ?? models.Data.FirstOrDefault();
        if (options.Server is RemoteServerKind.Vllm or RemoteServerKind.OpenAI or RemoteServerKind.Ollama
            && models.Data.Count > 0 && models.Data.All(m => m.Id != options.Model))
        {
            throw new ModelBackendException($"The server at {info.Location} does not serve model \"{options.Model}\"; it serves: {string.Join(", ", models.Data.Select(m => m.Id).Take(20))}. Fix 'model' in the configuration.");
        }

        info = info with
        {
            ContextLength = entry?.MaxModelLen ?? 0,
            VocabularySize = entry?.Meta?.NVocab ?? 0,
            ParameterCount = entry?.Meta?.NParams ?? 0,
            SizeBytes = entry?.Meta?.Size ?? 0,
        };

        if (options.Server == RemoteServerKind.LlamaServer)
        {
            var props = await executor.ExecuteAsync("connect (GET /props)", llama.PropsAsync, ct).ConfigureAwait(false);
            info = info with
            {
                ContextLength = props.DefaultGenerationSettings?.NCtx ?? entry?.Meta?.NCtxTrain ?? 0,
                ChatTemplate = string.IsNullOrEmpty(props.ChatTemplate) ? null : props.ChatTemplate,
                Architecture = null,
                RuntimeVersion = $"llama-server {props.BuildInfo}".Trim(),
            };
        }

        return info;
    }
}
