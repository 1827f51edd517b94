using Instagram.Silo.Hosting;

// A silo on its own (cluster mode): grains, storage and health probes; the public API runs elsewhere.
var builder = WebApplication.CreateBuilder(args);
builder.AddInstagramSilo();

var app = builder.Build();
app.MapHealthEndpoints();
app.Run();
