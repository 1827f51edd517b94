using Instagram.Silo.Hosting;

// A silo on its own (cluster mode): grains, storage and health probes; the public API runs elsewhere.
var builder = WebApplication.CreateBuilder(args);
builder.AddInstagramSilo();

var app = builder.Build();
app.MapHealthEndpoints();
app.Run();

// Internal, unlike the public Program the web SDK would generate: the API frontend references this
// assembly, and its own Program must be the only one its tests see.
internal partial class Program;
