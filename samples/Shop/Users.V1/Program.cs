using Shop.Shared;

var app = WebApplication.Create(args);
app.MapShopBasics("users-v1");

var greeting = Environment.GetEnvironmentVariable("USERS_GREETING") ?? "hello";
app.MapGet("/v1/users", () => new[] { new { Id = 1, Name = "Ada" }, new { Id = 2, Name = "Linus" } });
app.MapGet("/v1/users/about", () => new { Service = "users-v1", Greeting = greeting });

app.Run();
