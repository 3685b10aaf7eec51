using Shop.Shared;

var app = WebApplication.Create(args);
app.MapShopBasics("users-v2");

var greeting = Environment.GetEnvironmentVariable("USERS_GREETING") ?? "hello";
app.MapGet("/v2/users", () => new[] { new { Id = 1, DisplayName = "Ada Lovelace", Active = true } });
app.MapGet("/v2/users/about", () => new { Service = "users-v2", Greeting = greeting });

app.Run();
