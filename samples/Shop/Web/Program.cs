using Shop.Shared;

var app = WebApplication.Create(args);
app.MapShopBasics("web");

var greeting = Environment.GetEnvironmentVariable("WEB_GREETING") ?? "Welcome";
app.MapGet("/", () => Results.Content($"<!doctype html><title>Shop</title><h1>{System.Net.WebUtility.HtmlEncode(greeting)}</h1>", "text/html"));

app.Run();
