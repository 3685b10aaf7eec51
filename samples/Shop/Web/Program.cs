using Shop.Shared;

var app = WebApplication.Create(args);
app.MapShopBasics("web");

var greeting = Environment.GetEnvironmentVariable("WEB_GREETING") ?? "Welcome";
// Shop:Banner comes from the web-settings ConfigMap ([ConfigMapEntry] on WebService): a new text is a new ConfigMap and a rollout.
var banner = app.Configuration["Shop:Banner"];
app.MapGet("/", () => Results.Content(
    $"<!doctype html><title>Shop</title><h1>{System.Net.WebUtility.HtmlEncode(greeting)}</h1>"
    + (banner is null ? string.Empty : $"<p>{System.Net.WebUtility.HtmlEncode(banner)}</p>"),
    "text/html"));

app.Run();
