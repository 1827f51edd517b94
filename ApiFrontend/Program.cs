using Instagram.ApiFrontend.Hosting;
using Instagram.ApiFrontend.Idempotency;
using Instagram.ApiFrontend.Media;
using Instagram.Silo.Hosting;

// Embedded mode: this process hosts a silo and serves the HTTP API in front of it.
var builder = WebApplication.CreateBuilder(args);
builder.AddInstagramSilo();
builder.AddApiDefaults();
builder.AddIdempotency();
builder.Services.AddMediaApi();

var app = builder.Build();
app.UseApiDefaults();
app.MapHealthEndpoints();
app.MapMediaApi();
app.MapOpenApi();
app.Run();

// Lets the functional tests start this host with WebApplicationFactory<Program>.
public partial class Program;
