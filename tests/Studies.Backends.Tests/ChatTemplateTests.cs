namespace Studies.Backends.Tests;

public sealed class ChatTemplateTests
{
    [Fact]
    public async Task AssistantModelRendersChatMlFromItsGguf()
    {
        await using var model = TestModels.Load(TestModels.TinyStories656KChat);
        string rendered = model.Render(ModelPrompt.User("Tom lost his red ball and cried. Is Tom happy or sad?"));
        Assert.Equal("<|im_start|>user\nTom lost his red ball and cried. Is Tom happy or sad?<|im_end|>\n<|im_start|>assistant\n", rendered);
        Assert.True(model.Capabilities.Chat);
    }

    [Fact]
    public async Task SystemAndMultiTurnMessagesRenderInOrder()
    {
        await using var model = TestModels.Load(TestModels.Stories260KChat);
        string rendered = model.Render(ModelPrompt.Chat([
            new ChatMessage("system", "Be brief."),
            new ChatMessage("user", "Hi"),
            new ChatMessage("assistant", "Hello."),
            new ChatMessage("user", "Is the sky blue?"),
        ]));
        Assert.Equal(
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello.<|im_end|>\n" +
            "<|im_start|>user\nIs the sky blue?<|im_end|>\n<|im_start|>assistant\n", rendered);
    }

    [Fact]
    public async Task BaseModelPromptPassesThroughUnchanged()
    {
        await using var model = TestModels.Load(TestModels.Stories260K);
        const string text = "Once upon a time <|im_start|> stays\nexactly as written.";
        Assert.Equal(text, model.Render(ModelPrompt.Raw(text)));
        Assert.False(model.Capabilities.Chat);
    }

    [Fact]
    public async Task ChatPromptOnABaseModelWithoutTemplateSaysWhatToDo()
    {
        await using var model = TestModels.Load(TestModels.Stories260K);
        var e = Assert.Throws<CapabilityException>(() => model.Render(ModelPrompt.User("Hi")));
        Assert.Contains("has no chat template", e.Message);
        Assert.Contains("chat_template: chatml", e.Message);
    }

    [Fact]
    public async Task ConfiguredTemplateIsUsedWhereTheFileHasNone()
    {
        await using var model = TestModels.Load(TestModels.Stories260K, new Local.LocalBackendOptions { ChatTemplate = "chatml" });
        Assert.Equal("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n", model.Render(ModelPrompt.User("Hi")));
    }
}
