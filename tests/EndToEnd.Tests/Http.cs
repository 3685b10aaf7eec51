namespace K8sGen.EndToEnd.Tests;

/// <summary>HTTP against a pod podman has just started.</summary>
internal static class Http
{
    /// <summary>The body of a GET, retried while nothing answers yet (a pod starts in a second or two), for at most <paramref name="seconds"/>.</summary>
    public static async Task<string> GetWhenUp(HttpClient http, string url, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                return await http.GetStringAsync(url);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
