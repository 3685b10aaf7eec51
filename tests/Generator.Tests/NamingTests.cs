using K8sGen.Generator.Parsing;

namespace K8sGen.Generator.Tests;

public class NamingTests
{
    [Theory]
    [InlineData("UsersV1Service", "users-v1")]
    [InlineData("WebFrontend", "web-frontend")]
    [InlineData("Web", "web")]
    [InlineData("Service", "service")]
    [InlineData("HTTPGateway", "http-gateway")]
    [InlineData("Orders_Api", "orders-api")]
    [InlineData("V2Api", "v2-api")]
    [InlineData("Program", "program")]
    [InlineData("IOService", "io")]
    public void Default_workload_name_is_kebab_case_without_Service(string className, string expected) =>
        Assert.Equal(expected, Naming.DefaultWorkloadName(className));

    [Theory]
    [InlineData("users-v1", "UsersV1")]
    [InlineData("web", "Web")]
    [InlineData("2fa", "_2fa")]
    [InlineData("a.b-c", "ABC")]
    public void Member_name_is_pascal_case(string name, string expected) => Assert.Equal(expected, Naming.MemberName(name));
}
