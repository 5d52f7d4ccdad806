using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Studies.Backends.Tests.Remote;

/// <summary>An in-memory server (no socket): canned JSON per path, and the request bodies it received.</summary>
internal sealed class StubServerHandler(Dictionary<string, string> responses) : HttpMessageHandler
{
    public ConcurrentQueue<(string Path, string Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string path = request.RequestUri!.AbsolutePath;
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((path, body));
        return responses.TryGetValue(path, out var json)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{\"error\":\"not found\"}") };
    }
}
