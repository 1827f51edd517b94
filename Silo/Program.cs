using Instagram.Silo.Hosting;
using Instagram.Silo.Operations;

// A silo on its own (cluster mode): grains, storage, health probes and the operator pages; the public API runs elsewhere.
var builder = WebApplication.CreateBuilder(args);
builder.AddInstagramSilo();

var app = builder.Build();
app.MapHealthEndpoints();
app.MapOperatorEndpoints();
app.Run();

// Internal, unlike the public Program the web SDK would generate: the API frontend references this
// assembly, and its own Program must be the only one its tests see.
internal partial class Program;
