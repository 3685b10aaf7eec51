using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Shop.Shared;

/// <summary>What every Shop service serves besides its own API: health, readiness and Prometheus metrics.</summary>
internal static class ShopEndpoints
{
    /// <summary>Counts requests and maps <c>/healthz</c>, <c>/ready</c> and <c>/metrics</c> (Prometheus text format).</summary>
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
