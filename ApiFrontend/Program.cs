using Instagram.ApiFrontend.Hosting;

// Embedded mode: this process hosts a silo and serves the HTTP API in front of it.
var builder = WebApplication.CreateBuilder(args);
builder.AddEmbeddedProduct();

var app = builder.Build();
app.UseEmbeddedProduct();
app.Run();

// Lets the functional tests start this host with WebApplicationFactory<Program>.
public partial class Program;
