namespace K8sGen.Generator.Tests;

/// <summary>The API server's rules, each with accepted and rejected values (validation.md).</summary>
public class KubernetesFormatsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("users-v1")]
    [InlineData("0abc")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public void Dns1123Label_accepts(string value) => Assert.Null(KubernetesFormats.Dns1123Label(value));

    [Theory]
    [InlineData("")]
    [InlineData("Users")]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("a.b")]
    [InlineData("a_b")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Dns1123Label_rejects(string value) => Assert.NotNull(KubernetesFormats.Dns1123Label(value));

    [Theory]
    [InlineData("api", true)]
    [InlineData("2fa-api", false)]
    [InlineData("a-2", true)]
    public void Dns1035Label(string value, bool valid) => Assert.Equal(valid, KubernetesFormats.Dns1035Label(value) is null);

    [Theory]
    [InlineData("a.b-c.d", true)]
    [InlineData("api-tls", true)]
    [InlineData("a..b", false)]
    [InlineData(".a", false)]
    [InlineData("a.", false)]
    [InlineData("A.b", false)]
    [InlineData("a.-b", false)]
    public void Dns1123Subdomain(string value, bool valid) => Assert.Equal(valid, KubernetesFormats.Dns1123Subdomain(value) is null);

    [Fact]
    public void Dns1123Subdomain_length_limit()
    {
        Assert.Null(KubernetesFormats.Dns1123Subdomain(new string('a', 253)));
        Assert.NotNull(KubernetesFormats.Dns1123Subdomain(new string('a', 254)));
    }

    [Theory]
    [InlineData("http", true)]
    [InlineData("grpc-web", true)]
    [InlineData("h2c", true)]
    [InlineData("a-b-c-d-e-f-g-h", true)]
    [InlineData("123", false)]
    [InlineData("a--b", false)]
    [InlineData("-http", false)]
    [InlineData("http-", false)]
    [InlineData("HTTP", false)]
    [InlineData("http_alt", false)]
    [InlineData("abcdefghijklmnop", false)]
    public void PortName(string value, bool valid) => Assert.Equal(valid, KubernetesFormats.PortName(value) is null);

    [Theory]
    [InlineData("team", true)]
    [InlineData("shop.example/team", true)]
    [InlineData("Team_Name.x", true)]
    [InlineData("a/b/c", false)]
    [InlineData("/team", false)]
    [InlineData("shop.example/", false)]
    [InlineData("Shop.Example/team", false)]
    [InlineData("_team", false)]
    [InlineData("team-", false)]
    public void LabelKey(string value, bool valid) => Assert.Equal(valid, KubernetesFormats.LabelKey(value) is null);

    [Theory]
    [InlineData("", true)]
    [InlineData("payments", true)]
    [InlineData("v1.2_3-a", true)]
    [InlineData("-x", false)]
    [InlineData("x.", false)]
    [InlineData("a b", false)]
    public void LabelValue(string value, bool valid) => Assert.Equal(valid, KubernetesFormats.LabelValue(value) is null);

    [Theory]
    [InlineData("LOG_LEVEL", true)]
    [InlineData("my.var-1", true)]
    [InlineData("_x", true)]
    [InlineData(".x", true)]
    [InlineData("1X", false)]
    [InlineData(".", false)]
    [InlineData("..x", false)]
    [InlineData("A B", false)]
    [InlineData("A=B", false)]
    public void EnvVarName(string value, bool valid) => Assert.Equal(valid, KubernetesFormats.EnvVarName(value) is null);

    [Theory]
    [InlineData("password", true)]
    [InlineData(".hidden", true)]
    [InlineData("a-b_c.d", true)]
    [InlineData("..", false)]
    [InlineData("..a", false)]
    [InlineData("a/b", false)]
    public void ConfigMapKey(string value, bool valid) => Assert.Equal(valid, KubernetesFormats.ConfigMapKey(value) is null);

    [Theory]
    [InlineData("0", true, true)]
    [InlineData("25%", true, true)]
    [InlineData("100%", true, true)]
    [InlineData("101%", false, true)]
    [InlineData("101%", true, false)]
    [InlineData("-1", false, false)]
    [InlineData("1.5", false, false)]
    [InlineData("%", false, false)]
    [InlineData("", false, false)]
    public void IntOrPercent(string value, bool valid, bool capAt100) => Assert.Equal(valid, KubernetesFormats.IntOrPercent(value, capAt100) is null);

    [Theory]
    [InlineData("100m", 0.1)]
    [InlineData("0.5", 0.5)]
    [InlineData(".5", 0.5)]
    [InlineData("1", 1)]
    [InlineData("128Mi", 134217728)]
    [InlineData("1Gi", 1073741824)]
    [InlineData("1k", 1000)]
    [InlineData("1e3", 1000)]
    [InlineData("1E", 1e18)]
    [InlineData("2Ei", 2305843009213693952)]
    [InlineData("+1", 1)]
    [InlineData("5n", 5e-9)]
    public void Quantity_accepts_and_parses(string value, double expected)
    {
        Assert.Null(KubernetesFormats.Quantity(value));
        Assert.Equal(expected, KubernetesFormats.ParseQuantity(value), 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1 Gi")]
    [InlineData("1GB")]
    [InlineData("1mi")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    public void Quantity_rejects(string value) => Assert.NotNull(KubernetesFormats.Quantity(value));

    [Theory]
    [InlineData("/v1/users", false, true)]
    [InlineData("/", false, true)]
    [InlineData("v1", false, false)]
    [InlineData("/a//b", false, false)]
    [InlineData("/a/./b", false, false)]
    [InlineData("/a/%2Fb", false, false)]
    [InlineData("/a/..", false, false)]
    [InlineData("/a/.", false, false)]
    [InlineData("", true, true)]
    [InlineData("/a//b", true, true)]
    [InlineData("a", true, false)]
    public void IngressPath(string value, bool implementationSpecific, bool valid) => Assert.Equal(valid, KubernetesFormats.IngressPath(value, implementationSpecific) is null);

    [Theory]
    [InlineData("api.shop.example", true)]
    [InlineData("*.shop.example", true)]
    [InlineData("localhost", true)]
    [InlineData("1.2.3.4", false)]
    [InlineData("::1", false)]
    [InlineData("*", false)]
    [InlineData("a.*.example", false)]
    [InlineData("Shop.Example", false)]
    public void IngressHost(string value, bool valid) => Assert.Equal(valid, KubernetesFormats.IngressHost(value) is null);

    [Theory]
    [InlineData("30s", true)]
    [InlineData("1m30s", true)]
    [InlineData("1h", true)]
    [InlineData("500ms", true)]
    [InlineData("0", false)]
    [InlineData("30", false)]
    [InlineData("30s1m", false)]
    [InlineData("1.5m", false)]
    public void PrometheusDuration(string value, bool valid) => Assert.Equal(valid, KubernetesFormats.IsPrometheusDuration(value));

    [Theory]
    [InlineData("nginx", true)]
    [InlineData("shop/users:1.0.0", true)]
    [InlineData("localhost:5000/shop/users:1.0.0", true)]
    [InlineData("registry.example/a/b/c", true)]
    [InlineData("a@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("a:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("shop/Users", false)]
    [InlineData("Registry/users", true)] // an uppercase first part is a registry host, as in distribution/reference
    [InlineData("shop/users:", false)]
    [InlineData("shop//users", false)]
    [InlineData("shop/users:-bad", false)]
    [InlineData("a@sha256:123", false)]
    [InlineData("-shop/users", false)]
    public void ImageReference(string value, bool valid) => Assert.Equal(valid, KubernetesFormats.ImageReference(value) is null);
}
