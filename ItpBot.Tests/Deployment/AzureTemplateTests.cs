using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.Deployment;

/// <summary>The ARM template and parameter files in deploymentTemplates/azure, checked offline as data.</summary>
public sealed class AzureTemplateTests
{
    private static readonly string AzureFolder = Path.Combine(SharedFolder.RepositoryRoot, "deploymentTemplates", "azure");
    private static readonly ArmTemplate Template = ArmTemplate.Load(Path.Combine(AzureFolder, "azuredeploy.json"));

    private static IReadOnlyList<string> ParameterFileNames =>
        [.. Directory.GetFiles(AzureFolder, "*.parameters.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> ParameterFiles() => new(ParameterFileNames);

    [Fact]
    public void Every_parameter_and_variable_an_expression_names_is_declared()
    {
        var references = Template.References().ToList();
        Assert.NotEmpty(references);

        var undeclared = references
            .Where(r => !(r.Kind == "parameters" ? Template.ParameterNames : Template.VariableNames).Contains(r.Name))
            .Select(r => $"{r.Kind}('{r.Name}') at {r.Path}")
            .ToList();
        Assert.Empty(undeclared);
    }

    [Fact]
    public void Every_declared_parameter_and_variable_is_used()
    {
        var used = Template.References().Select(r => (r.Kind, r.Name)).ToHashSet();

        var unused = Template.ParameterNames.Where(name => !used.Contains(("parameters", name))).Select(name => $"parameter {name}")
            .Concat(Template.VariableNames.Where(name => !used.Contains(("variables", name))).Select(name => $"variable {name}"))
            .ToList();
        Assert.True(unused.Count == 0, "declared but never used: " + string.Join(", ", unused));
    }

    [Fact]
    public void Every_expression_is_well_formed()
    {
        var expressions = Template.Expressions();

        Assert.NotEmpty(expressions);
        Assert.All(expressions, e => Assert.True(ArmTemplate.IsWellFormed(e.Expression), $"{e.Path}: {e.Expression}"));
    }

    [Fact]
    public void There_are_parameter_files_for_the_managed_identity_and_for_an_app_registration()
    {
        var appTypes = ParameterFileNames
            .Select(file => JsonNode.Parse(File.ReadAllText(Path.Combine(AzureFolder, file)))!["parameters"]!["appType"]?["value"]?.GetValue<string>())
            .ToHashSet();

        Assert.Contains("UserAssignedMSI", appTypes);
        Assert.Contains(appTypes, type => type is "SingleTenant" or "MultiTenant");
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void A_parameter_file_sets_only_declared_parameters_with_allowed_values_and_no_secrets(string file)
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(AzureFolder, file)))!["parameters"]!.AsObject();

        foreach (var (name, entry) in parameters)
        {
            Assert.True(Template.ParameterNames.Contains(name), $"{file} sets '{name}', which the template does not declare");
            var declaration = Template.Parameter(name);
            Assert.NotEqual("securestring", declaration["type"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
            if (declaration["allowedValues"] is JsonArray allowed)
            {
                var value = entry!["value"]!.ToJsonString();
                Assert.Contains(value, allowed.Select(a => a!.ToJsonString()));
            }
        }

        var required = Template.ParameterNames.Where(name => Template.Parameter(name)["defaultValue"] is null);
        Assert.All(required, name => Assert.True(parameters.ContainsKey(name), $"{file} does not set required '{name}'"));
    }

    [Fact]
    public void The_bot_identity_is_a_choice_between_a_managed_identity_and_an_app_registration()
    {
        var appType = Template.Parameter("appType");
        Assert.Equal(
            ["MultiTenant", "SingleTenant", "UserAssignedMSI"],
            appType["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()).Order());
        Assert.Equal("UserAssignedMSI", appType["defaultValue"]!.GetValue<string>());
        Assert.Equal("securestring", Template.Parameter("appSecret")["type"]!.GetValue<string>());

        var identity = Assert.Single(Template.ResourcesOfType("Microsoft.ManagedIdentity/userAssignedIdentities"));
        Assert.Contains("UserAssignedMSI", ResolveVariables(identity["condition"]!.GetValue<string>()), StringComparison.Ordinal);

        var bot = Assert.Single(Template.ResourcesOfType("Microsoft.BotService/botServices"))["properties"]!;
        Assert.Equal("[parameters('appType')]", bot["msaAppType"]!.GetValue<string>());
        Assert.Contains("userAssignedIdentities", ResolveVariables(bot["msaAppMSIResourceId"]!.GetValue<string>()), StringComparison.Ordinal);
        Assert.Contains(".clientId", bot["msaAppId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("parameters('appId')", bot["msaAppId"]!.GetValue<string>(), StringComparison.Ordinal);

        var site = Assert.Single(Template.ResourcesOfType("Microsoft.Web/sites"));
        Assert.Contains("UserAssigned", site["identity"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_web_app_runs_dotnet_10_on_linux_with_websockets_and_https_only()
    {
        var plan = Assert.Single(Template.ResourcesOfType("Microsoft.Web/serverfarms"));
        Assert.True(plan["properties"]!["reserved"]!.GetValue<bool>(), "a Linux plan is 'reserved'");

        var site = Assert.Single(Template.ResourcesOfType("Microsoft.Web/sites"));
        var properties = site["properties"]!;
        Assert.Contains("linux", site["kind"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(properties["httpsOnly"]!.GetValue<bool>());
        Assert.Contains("Microsoft.Web/serverfarms", properties["serverFarmId"]!.GetValue<string>(), StringComparison.Ordinal);
        var siteConfig = properties["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", siteConfig["linuxFxVersion"]!.GetValue<string>());
        Assert.True(siteConfig["webSocketsEnabled"]!.GetValue<bool>());
        Assert.Equal("/healthz", siteConfig["healthCheckPath"]!.GetValue<string>());
    }

    [Fact]
    public void The_web_app_sets_every_MicrosoftApp_setting_the_host_reads()
    {
        var hostSettings = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFolder.RepositoryRoot, "ItpBot", "appsettings.json")))!
            .AsObject().Select(p => p.Key).Where(key => key.StartsWith("MicrosoftApp", StringComparison.Ordinal)).ToList();
        Assert.Equal(["MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppType"], hostSettings.Order());

        var appSettings = SiteAppSettings();

        Assert.All(hostSettings, key => Assert.True(appSettings.ContainsKey(key), $"the web app does not set {key}"));
        Assert.Equal("[parameters('appType')]", appSettings["MicrosoftAppType"]);
        Assert.Equal(Assert.Single(Template.ResourcesOfType("Microsoft.BotService/botServices"))["properties"]!["msaAppId"]!.GetValue<string>(), appSettings["MicrosoftAppId"]);
        Assert.Contains("parameters('appSecret')", appSettings["MicrosoftAppPassword"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_web_app_listens_on_all_interfaces_at_the_port_App_Service_forwards_to()
    {
        // Without a urls setting the host binds localhost:3978 (BotHost.DefaultUrl), unreachable inside App Service.
        var appSettings = SiteAppSettings();

        var urls = new Uri(appSettings["ASPNETCORE_URLS"]);
        Assert.Equal("0.0.0.0", urls.Host);
        Assert.Equal(appSettings["WEBSITES_PORT"], urls.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_bot_registration_is_global_and_points_at_the_web_apps_messages_endpoint()
    {
        var bot = Assert.Single(Template.ResourcesOfType("Microsoft.BotService/botServices"));

        Assert.Equal("global", bot["location"]!.GetValue<string>());
        Assert.Equal("azurebot", bot["kind"]!.GetValue<string>());
        var endpoint = ResolveVariables(bot["properties"]!["endpoint"]!.GetValue<string>());
        Assert.Matches(@"^\[format\('https://\{0\}/api/messages'", endpoint);
        Assert.Contains("reference(resourceId('Microsoft.Web/sites'", endpoint, StringComparison.Ordinal);
        Assert.Contains(".defaultHostName", endpoint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MsTeamsChannel")]
    [InlineData("WebChatChannel")]
    public void The_bot_has_the_channel_enabled(string channelName)
    {
        var channel = Assert.Single(
            Template.ResourcesOfType("Microsoft.BotService/botServices/channels"),
            c => c["properties"]!["channelName"]!.GetValue<string>() == channelName);

        Assert.Equal("global", channel["location"]!.GetValue<string>());
        Assert.Contains("variables('botName')", channel["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(channelName, channel["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(channel["dependsOn"]!.AsArray(), d => d!.GetValue<string>().Contains("'Microsoft.BotService/botServices'", StringComparison.Ordinal));
        var settings = channel["properties"]!["properties"]!;
        var enabled = settings["isEnabled"]?.GetValue<bool>() ?? settings["sites"]!.AsArray().Any(s => s!["isEnabled"]!.GetValue<bool>());
        Assert.True(enabled, $"{channelName} is not enabled");
    }

    [Fact]
    public void Every_dependency_names_a_resource_type_the_template_deploys()
    {
        var types = Template.Resources.Select(r => r["type"]!.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var dependencies = Template.Resources.SelectMany(r => r["dependsOn"]?.AsArray() ?? []).Select(d => d!.GetValue<string>()).ToList();
        Assert.NotEmpty(dependencies);

        Assert.All(dependencies, dependency =>
        {
            var type = Regex.Match(dependency, @"^\[resourceId\('(?<type>[^']+)'").Groups["type"].Value;
            Assert.True(types.Contains(type), $"dependsOn {dependency} names no resource in the template");
        });
    }

    private static Dictionary<string, string> SiteAppSettings() =>
        Assert.Single(Template.ResourcesOfType("Microsoft.Web/sites"))["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["value"]!.GetValue<string>());

    /// <summary>Inlines variables('x') so a check can see what a variable stands for.</summary>
    private static string ResolveVariables(string expression)
    {
        for (var i = 0; i < 5 && expression.Contains("variables('", StringComparison.Ordinal); i++)
        {
            expression = Regex.Replace(expression, @"variables\('(?<name>[^']+)'\)", m =>
            {
                var value = Template.Root["variables"]![m.Groups["name"].Value]!.GetValue<string>();
                return value.StartsWith('[') ? value[1..^1] : $"'{value}'";
            });
        }

        return expression;
    }
}
