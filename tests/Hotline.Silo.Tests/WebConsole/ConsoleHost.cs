using System.Net;
using Hotline.Silo.Staff;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.WebConsole;

/// <summary>
/// The real host with the demo organisation, a trunk on 127.0.0.2 and no IVR menu (callers queue after the
/// greeting), and one console account per role: agent 1001, supervisor boss, liaisons of zjw and sw.
/// </summary>
internal sealed class ConsoleHost : IAsyncDisposable
{
    public const string TrunkAddress = "127.0.0.2";
    public const string Password = "correct-horse-1";

    private ConsoleHost(RunningHost host) => Host = host;

    public RunningHost Host { get; }

    public Uri Base => Host.HttpBase;

    public static async Task<ConsoleHost> StartAsync()
    {
        var host = await RunningHost.StartAsync(loadDemo: true, extraArgs:
        [
            "--Sip:Trunks:0:Name=carrier", $"--Sip:Trunks:0:Address={TrunkAddress}", "--Ivr:Menu:Enabled=false",
        ]);
        var staff = host.App.Services.GetRequiredService<IStaffStore>();
        var hash = StaffPassword.Hash(Password);
        await staff.AddAsync("1001", ConsoleRole.Agent, null, hash, default);
        await staff.AddAsync("1002", ConsoleRole.Agent, null, hash, default);
        await staff.AddAsync("boss", ConsoleRole.Supervisor, null, hash, default);
        await staff.AddAsync("zjw-li", ConsoleRole.Liaison, "zjw", hash, default);
        await staff.AddAsync("sw-li", ConsoleRole.Liaison, "sw", hash, default);
        return new ConsoleHost(host);
    }

    /// <summary>A client signed in through the form (with its Origin, as a browser sends it); no redirects followed.</summary>
    public async Task<HttpClient> SignInAsync(string id, string password = Password)
    {
        var client = Client(new CookieContainer());
        using var response = await PostFormAsync(client, "/signin", new() { ["id"] = id, ["password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {id} answered {(int)response.StatusCode}");
        return client;
    }

    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = Base,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? origin = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin.Length == 0 ? Base.GetLeftPart(UriPartial.Authority) : origin);
        }

        return client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json, string? origin = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin.Length == 0 ? Base.GetLeftPart(UriPartial.Authority) : origin);
        }

        return client.SendAsync(request);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
