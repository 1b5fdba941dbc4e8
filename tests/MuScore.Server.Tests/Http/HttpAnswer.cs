using System.Net;
using System.Text;
using System.Text.Json;
using Google.Protobuf;

namespace MuScore.Server.Tests.Http;

/// <summary>An HTTP/JSON answer of the web listener, read whole: status, headers, body.</summary>
internal sealed record HttpAnswer(HttpStatusCode Status, HttpResponseMessage Response, string Body)
{
    private static readonly JsonParser Strict = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static async Task<HttpAnswer> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return new HttpAnswer(response.StatusCode, response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs <paramref name="body"/> as proto3 JSON, as a JSON caller would write it.</summary>
    public static Task<HttpAnswer> PostAsync(HttpClient client, string path, IMessage body) =>
        PostAsync(client, path, JsonFormatter.Default.Format(body));

    public static async Task<HttpAnswer> PostAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return new HttpAnswer(response.StatusCode, response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The body as the proto message (unknown fields refused, so a renamed field fails).</summary>
    public T As<T>()
        where T : IMessage<T>, new()
    {
        Assert.True(Status == HttpStatusCode.OK, $"expected 200, got {(int)Status}: {Body}");
        return Strict.Parse<T>(Body);
    }

    /// <summary>The google.rpc.Status code of an error body.</summary>
    public int GrpcCode => Json.RootElement.GetProperty("code").GetInt32();

    /// <summary>The ErrorInfo reason of an error body, null when it has none.</summary>
    public string? Reason => Details("type.googleapis.com/google.rpc.ErrorInfo").Select(d => d.GetProperty("reason").GetString()).FirstOrDefault();

    /// <summary>The BadRequest field violations of an error body, as (field, reason).</summary>
    public IReadOnlyList<(string Field, string Reason)> Violations =>
        [.. Details("type.googleapis.com/google.rpc.BadRequest")
            .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray())
            .Select(v => (v.GetProperty("field").GetString() ?? string.Empty, v.GetProperty("reason").GetString() ?? string.Empty))];

    private JsonDocument Json => JsonDocument.Parse(Body);

    private List<JsonElement> Details(string type) =>
        Json.RootElement.TryGetProperty("details", out var details)
            ? details.EnumerateArray().Where(d => d.GetProperty("@type").GetString() == type).ToList()
            : [];
}
