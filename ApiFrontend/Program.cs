using Instagram.ApiFrontend.Accounts;
using Instagram.ApiFrontend.Feed;
using Instagram.ApiFrontend.Hosting;
using Instagram.ApiFrontend.Media;
using Instagram.ApiFrontend.Posts;
using Instagram.ApiFrontend.Users;
using Instagram.Silo.Hosting;

// Embedded mode: this process hosts a silo and serves the HTTP API in front of it.
var builder = WebApplication.CreateBuilder(args);
builder.AddInstagramSilo();
builder.AddApiDefaults();
builder.Services.AddAccountsApi();
builder.Services.AddMediaApi();
builder.Services.AddPostsApi();

var app = builder.Build();
app.UseApiDefaults();
app.MapHealthEndpoints();
app.MapAccountsApi();
app.MapUsersApi();
app.MapFollowApi();
app.MapMediaApi();
app.MapPostsApi();
app.MapPostListsApi();
app.MapFeedApi();
app.MapOpenApi();
app.Run();

// Lets the functional tests start this host with WebApplicationFactory<Program>.
public partial class Program;
