using Instagram.ApiFrontend.Hosting;
using Instagram.Silo.Hosting;

// Embedded mode: this process hosts a silo and serves the HTTP API in front of it.
var builder = WebApplication.CreateBuilder(args);
builder.AddInstagramSilo();
builder.AddApiDefaults();
builder.AddApiAreas();

var app = builder.Build();
app.UseApiDefaults();
app.MapApiAreas();
app.MapOpenApi();
app.Run();

// Lets the functional tests start this host with WebApplicationFactory<Program>.
public partial class Program;
