using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;

namespace ItpBot.Tests.Channels;

/// <summary>
/// The Web Chat page in headless Chromium (Debian's, driven by playwright-core; never a downloaded browser) against
/// the real host on Kestrel. Without Chromium or Node the tests are skipped with the reason, except on CI (CI=true),
/// which installs Chromium and where a skip would hide a broken channel.
/// </summary>
public sealed class WebChatBrowserTests
{
    private static readonly string ToolsDir = typeof(WebChatBrowserTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ItpBot.BrowserToolsDir").Value!;

    /// <summary>A short case in Web Chat: the free-text summary, the questions it leaves, "yes", then a suggested action.</summary>
    public static readonly string ShortCasePlan = new JsonArray(
        new JsonObject { ["say"] = "52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy" },
        new JsonObject { ["say"] = "none" },
        new JsonObject { ["say"] = "none" },
        new JsonObject { ["say"] = "80 kg" },
        new JsonObject { ["say"] = "none" },
        new JsonObject { ["say"] = "yes" },
        new JsonObject { ["click"] = "Dosing of" }).ToJsonString();

    [SkippableFact]
    public async Task A_user_runs_a_short_case_to_an_assessment_and_follows_a_suggested_action()
    {
        await using var host = await RunningBotHost.StartAsync();

        var report = await RunPageAsync(host, ShortCasePlan, "webchat.png");

        Assert.Contains("ItpBot", (string?)report["welcome"]);
        Assert.Contains("disclaimer", (string?)report["welcome"], StringComparison.OrdinalIgnoreCase);
        var steps = report["steps"]!.AsArray();
        Assert.Contains("Noted:", (string?)steps[0]!["newBotText"]);
        Assert.Contains("Which medicines now (including any anticoagulant", (string?)steps[0]!["newBotText"]);
        Assert.Contains("The case as I have it:", (string?)steps[4]!["newBotText"]);

        // The assessment as the user sees it: first choice, references, the card, and the follow-up buttons.
        var assessment = (string?)steps[5]!["newBotText"];
        Assert.Contains("First choice:", assessment);
        Assert.Contains("References:", assessment);
        Assert.DoesNotContain("**", assessment);
        Assert.Contains(report["markdownStrong"]!.AsArray(), n => ((string?)n)!.StartsWith("First choice:", StringComparison.Ordinal));
        Assert.Contains(report["adaptiveCards"]!.AsArray(), card => ((string?)card)!.Contains("First choice", StringComparison.Ordinal));
        var buttons = steps[5]!["suggestedActions"]!.AsArray().Select(n => ((string?)n)?.Trim()).ToList();
        Assert.Contains(buttons, b => b!.StartsWith("Dosing of ", StringComparison.Ordinal));
        Assert.Contains("New patient", buttons);

        var clicked = steps[6]!;
        Assert.StartsWith("Dosing of ", (string?)clicked["sentText"]);
        Assert.Contains(": dosing", (string?)clicked["newBotText"]);
        Assert.Contains("References:", (string?)clicked["newBotText"]);

        Assert.Equal(0, (int)report["sendFailures"]!);
        Assert.Empty(report["externalRequests"]!.AsArray());
        Assert.Empty(report["pageErrors"]!.AsArray());
        Assert.Contains(report["webSockets"]!.AsArray(), p => ((string?)p)!.StartsWith("/v3/directline/conversations/", StringComparison.Ordinal));
        UpdateDocsScreenshot("webchat.png");
    }

    [SkippableFact]
    public async Task Web_Chat_renders_markdown_suggested_actions_and_the_adaptive_card_summary()
    {
        await using var host = await RunningBotHost.StartAsync(configure: builder =>
            builder.Host.UseServiceProviderFactory(new LastWordServiceProviderFactory(s => s.AddTransient<IBot, WebChatShowcaseBot>())));

        var report = await RunPageAsync(host, $$"""[{"say":"platelets 12"},{"click":"{{WebChatShowcaseBot.CardAction}}"}]""", "webchat-showcase.png");

        Assert.Contains("ItpBot", report["markdownStrong"]!.AsArray().Select(n => (string?)n));
        var said = report["steps"]![0]!;
        Assert.Contains("Bleeding:", report["markdownStrong"]!.AsArray().Select(n => (string?)n));
        Assert.DoesNotContain("**", (string?)said["newBotText"]);
        Assert.Equal([WebChatShowcaseBot.CardAction, "Start over"], said["suggestedActions"]!.AsArray().Select(n => ((string?)n)?.Trim()));

        var clicked = report["steps"]![1]!;
        Assert.Equal(WebChatShowcaseBot.CardAction, (string?)clicked["sentText"]);
        var card = Assert.Single(report["adaptiveCards"]!.AsArray());
        Assert.Contains("Assessment summary", (string?)card);
        Assert.Contains("Thrombopoietin receptor agonist", (string?)card);
        Assert.Empty(clicked["suggestedActions"]!.AsArray());
        Assert.Equal(0, (int)report["sendFailures"]!);
        Assert.Empty(report["externalRequests"]!.AsArray());
        Assert.Empty(report["pageErrors"]!.AsArray());
    }

    private static async Task<JsonNode> RunPageAsync(RunningBotHost host, string plan, string screenshotName)
    {
        var chromium = FindChromium();
        RequireOrSkip(chromium is not null, "Chromium not found (install Debian's: apt-get install -y chromium, or set ITPBOT_CHROMIUM)");
        RequireOrSkip(File.Exists(Path.Combine(ToolsDir, "node_modules", "playwright-core", "package.json")), $"playwright-core is not installed in {ToolsDir} (npm ci)");

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", screenshotName);
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ToolsDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "webchat-check.mjs", "--url", host.BaseAddress.ToString(), "--chromium", chromium!, "--screenshot", screenshot, "--plan", plan })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            RequireOrSkip(false, "Node.js (node) is not on PATH");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(cts.Token);
            var lastLine = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            Assert.True(lastLine is not null, $"the browser driver printed no report (exit {process.ExitCode}): {await errors}");
            var report = JsonNode.Parse(lastLine)!;
            Assert.True(report["error"] is null, $"in the browser: {report["error"]}\nreport: {report.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
            Assert.True(new FileInfo(screenshot).Length > 10_000, "no screenshot");
            return report;
        }
    }

    private static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("ITPBOT_CHROMIUM");
        return new[] { configured, "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
    }

    private static void RequireOrSkip(bool present, string reason)
    {
        if (present)
        {
            return;
        }

        Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"CI must run the browser test: {reason}");
        Skip.If(true, reason);
    }

    /// <summary>With ITPBOT_UPDATE_SCREENSHOTS=1, copies the screenshot to docs/screenshots/ (kept out of normal runs so they leave the tree clean).</summary>
    private static void UpdateDocsScreenshot(string name)
    {
        if (Environment.GetEnvironmentVariable("ITPBOT_UPDATE_SCREENSHOTS") != "1")
        {
            return;
        }

        var docs = Path.GetFullPath(Path.Combine(ToolsDir, "..", "..", "docs", "screenshots"));
        Directory.CreateDirectory(docs);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "screenshots", name), Path.Combine(docs, name), overwrite: true);
    }
}

/// <summary>Lets a test replace a service the host registers (the composition root registers after the test's configure hook).</summary>
public sealed class LastWordServiceProviderFactory(Action<IServiceCollection> lastWord) : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services)
    {
        lastWord(services);
        return services;
    }

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => containerBuilder.BuildServiceProvider();
}
