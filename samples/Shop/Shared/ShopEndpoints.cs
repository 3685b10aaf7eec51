using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Shop.Shared;

/// <summary>What every Shop service serves besides its own API: health, readiness, Prometheus metrics and what is running.</summary>
internal static class ShopEndpoints
{
    /// <summary>
    /// Counts requests and maps <c>/healthz</c>, <c>/ready</c>, <c>/metrics</c> (Prometheus text format) and <c>/about</c>:
    /// the service, its version and the environment it runs in (what an acceptance test after a deployment checks).
    /// </summary>
    public static WebApplication MapShopBasics(this WebApplication app, string service)
    {
        long requests = 0;
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref requests);
            await next(context);
        });

        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/ready", () => Results.Text("ready"));
        var version = typeof(ShopEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";
        app.MapGet("/about", (IHostEnvironment host) => Results.Json(new { service, version, environment = host.EnvironmentName }));
        app.MapGet("/metrics", () =>
        {
            var body = new StringBuilder()
                .Append("# HELP shop_http_requests_total HTTP requests served.\n")
                .Append("# TYPE shop_http_requests_total counter\n")
                .Append("shop_http_requests_total{service=\"").Append(service).Append("\"} ")
                .Append(Interlocked.Read(ref requests).ToString(CultureInfo.InvariantCulture)).Append('\n')
                .ToString();
            return Results.Text(body, "text/plain; version=0.0.4; charset=utf-8");
        });
        return app;
    }
}
