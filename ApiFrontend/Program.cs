using Instagram.ApiFrontend.Hosting;
using Instagram.ApiFrontend.Media;
using Instagram.ApiFrontend.RateLimits;
using Instagram.Silo.Hosting;

// Embedded mode: this process hosts a silo and serves the HTTP API in front of it.
var builder = WebApplication.CreateBuilder(args);
builder.AddInstagramSilo();
builder.AddApiDefaults();
builder.Services.AddMediaApi();
builder.Services.AddRateLimits();

var app = builder.Build();
app.UseApiDefaults();
app.MapHealthEndpoints();
app.MapMediaApi();
app.MapOpenApi();
app.Run();

// Lets the functional tests start this host with WebApplicationFactory<Program>.
public partial class Program;
