using K8sGen.Generator.App;

namespace K8sGen.Generator.Tests;

/// <summary>Paths against route patterns, as ASP.NET Core's router matches them (the app checks rely on it).</summary>
public class RouteTemplateTests
{
    [Theory]
    [InlineData("/healthz", "/healthz", true)]
    [InlineData("/healthz", "/HealthZ", true)] // literals are case-insensitive
    [InlineData("/healthz", "/healthz/", true)] // a trailing slash is ignored
    [InlineData("healthz", "/healthz", true)] // a pattern without its leading slash
    [InlineData("/healthz", "/health", false)]
    [InlineData("/healthz", "/healthz/live", false)]
    [InlineData("/", "/", true)]
    [InlineData("/", "/x", false)]
    [InlineData("/users/{id}", "/users/42", true)]
    [InlineData("/users/{id}", "/users", false)]
    [InlineData("/users/{id:int}", "/users/42", true)]
    [InlineData("/users/{id:int}", "/users/ada", false)]
    [InlineData("/users/{id:int:min(1)}", "/users/0", false)]
    [InlineData("/users/{id:range(1,10)}", "/users/10", true)]
    [InlineData("/users/{id:guid}", "/users/6f9619ff-8b86-d011-b42d-00c04fc964ff", true)]
    [InlineData("/users/{id:guid}", "/users/1", false)]
    [InlineData("/users/{name:alpha:minlength(3)}", "/users/ab", false)]
    [InlineData("/users/{name:regex(^a.*$)}", "/users/ada", true)]
    [InlineData("/users/{name:regex(^a.*$)}", "/users/bob", false)]
    [InlineData("/users/{id?}", "/users", true)]
    [InlineData("/users/{id=1}", "/users", true)]
    [InlineData("/users/{id:apiVersion}", "/users/anything", true)] // a constraint of the app's own: K8sGen cannot tell, so it matches
    [InlineData("/files/{**rest}", "/files", true)]
    [InlineData("/files/{**rest}", "/files/a/b/c", true)]
    [InlineData("/files/{*rest}", "/other", false)]
    [InlineData("/openapi/{documentName}.json", "/openapi/v1.json", true)]
    [InlineData("/openapi/{documentName}.json", "/openapi/v1.yaml", false)]
    [InlineData("/{controller=Home}/{action=Index}/{id?}", "/", true)]
    [InlineData("~/v1/users", "/v1/users", true)]
    public void A_path_matches_as_the_router_would(string pattern, string path, bool matches) =>
        Assert.Equal(matches, RouteTemplate.Parse(pattern)!.Matches(path));

    [Theory]
    [InlineData("/api/users/{id}", "/api", true)]
    [InlineData("/api/users/{id}", "/api/users", true)]
    [InlineData("/api/users/{id}", "/api/users/7", true)]
    [InlineData("/api/users/{id:int}", "/api/users/ada", false)]
    [InlineData("/api/users", "/api/use", false)] // a prefix ends at a segment boundary
    [InlineData("/api/users", "/api/users/more", false)] // nothing below /api/users is mapped
    [InlineData("/{**rest}", "/anything/at/all", true)]
    [InlineData("/healthz", "/", true)] // "/" routes every path
    public void A_prefix_reaches_a_pattern_when_some_path_below_it_matches(string pattern, string prefix, bool reaches) =>
        Assert.Equal(reaches, RouteTemplate.Parse(pattern)!.MatchesUnder(prefix));

    [Theory]
    [InlineData("/api", "/users", "/api/users")]
    [InlineData("/api/", "users/", "/api/users")]
    [InlineData("", "/users", "/users")]
    [InlineData("/api", "/", "/api")]
    [InlineData("/", "", "/")]
    public void Group_prefixes_join_as_MapGroup_joins_them(string prefix, string pattern, string joined) =>
        Assert.Equal(joined, RouteTemplate.Join(prefix, pattern));

    [Theory]
    [InlineData("/a//b")]
    [InlineData("/a/{id")]
    [InlineData("/a/id}")]
    public void A_pattern_the_router_would_refuse_is_not_read(string pattern) =>
        Assert.Null(RouteTemplate.Parse(pattern));
}

/// <summary>The endpoint index answers as trying every endpoint would.</summary>
public class EndpointSetTests
{
    private static readonly EndpointSet Endpoints = new(
        new[] { "/api/users/{id:int}", "/api/orders", "/files/{**rest}", "/{lang}/docs", "/healthz", "/" }
            .Select(p => new AppEndpoint(RouteTemplate.Parse(p)!, p == "/api/orders" ? ["POST"] : null, EndpointKind.Handler))
            .ToList());

    [Theory]
    [InlineData("/api/users/7", true)]
    [InlineData("/API/Users/7", true)]
    [InlineData("/api/users/ada", false)]
    [InlineData("/api/orders", false)] // POST only
    [InlineData("/files/a/b", true)]
    [InlineData("/en/docs", true)] // through a parameter at the root
    [InlineData("/en/blog", false)]
    [InlineData("/healthz?verbose=true", true)]
    [InlineData("/", true)]
    public void A_get_is_served_where_some_endpoint_matches(string path, bool served) =>
        Assert.Equal(served, Endpoints.ServesGet(path));

    [Theory]
    [InlineData("/api", true, true)]
    [InlineData("/api/users", true, true)]
    [InlineData("/api/users", false, false)]
    [InlineData("/api/orders", false, true)] // a route reaches an endpoint of any method
    [InlineData("/metrics", true, true)] // /metrics/docs matches /{lang}/docs
    [InlineData("/api/payments", true, false)]
    [InlineData("/de", true, true)]
    public void A_route_reaches_what_matches_it_or_lies_below_it(string path, bool prefix, bool reaches) =>
        Assert.Equal(reaches, Endpoints.Reaches(path, prefix));
}
