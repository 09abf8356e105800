using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ItpBot.Channels.DirectLine;
using ItpBot.Hosting;
using ItpBot.Storage;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.Deployment;

/// <summary>
/// deploymentTemplates/azure: main.bicep builds with the Bicep compiler from NuGet to exactly the committed
/// azuredeploy.json, and that template deploys what the host needs, wired together: App Service with the readiness
/// probe, the Azure Bot and its channels, blob state through the managed identity with lifecycle rules matching the
/// TTLs, Application Insights, and the app secret and the Direct Line secret as Key Vault references.
/// </summary>
public sealed class AzureTemplateTests
{
    private static readonly string AzureFolder = SharedFolder.InRepository("deploymentTemplates", "azure");
    private static readonly ArmTemplate Template = ArmTemplate.Load(Path.Combine(AzureFolder, "azuredeploy.json"));

    private static IReadOnlyList<string> ParameterFileNames =>
        [.. Directory.GetFiles(AzureFolder, "*.parameters.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> ParameterFiles() => new(ParameterFileNames);

    [Fact]
    public async Task The_bicep_file_builds_without_warnings_to_the_committed_template()
    {
        var bicep = typeof(AzureTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        Assert.True(File.Exists(bicep), $"the Bicep compiler is not at {bicep} (restore downloads it)");
        var output = Path.Combine(Path.GetTempPath(), $"itpbot-{Guid.NewGuid():N}.json");
        try
        {
            var start = new ProcessStartInfo(bicep) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "build", Path.Combine(AzureFolder, "main.bicep"), "--outfile", output })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["BICEP_TRACING_ENABLED"] = "false";
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
            var diagnostics = await errors;
            Assert.True(process.ExitCode == 0, $"bicep build failed: {diagnostics}");
            Assert.True(string.IsNullOrWhiteSpace(diagnostics), $"bicep build warned: {diagnostics}");
            Assert.True(
                JsonNode.DeepEquals(JsonNode.Parse(await File.ReadAllTextAsync(output)), Template.Root),
                "azuredeploy.json is not what main.bicep builds: run bicep build main.bicep --outfile azuredeploy.json");
        }
        finally
        {
            File.Delete(output);
        }
    }

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
                Assert.Contains(entry!["value"]!.ToJsonString(), allowed.Select(a => a!.ToJsonString()));
            }
        }

        var required = Template.ParameterNames.Where(name => Template.Parameter(name)["defaultValue"] is null);
        Assert.All(required, name => Assert.True(parameters.ContainsKey(name), $"{file} does not set required '{name}'"));
    }

    [Theory]
    [InlineData("Microsoft.ManagedIdentity/userAssignedIdentities", 1)]
    [InlineData("Microsoft.Web/serverfarms", 1)]
    [InlineData("Microsoft.Web/sites", 1)]
    [InlineData("Microsoft.Web/sites/config", 1)]
    [InlineData("Microsoft.BotService/botServices", 1)]
    [InlineData("Microsoft.BotService/botServices/channels", 3)]
    [InlineData("Microsoft.Storage/storageAccounts", 1)]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices/containers", 1)]
    [InlineData("Microsoft.Storage/storageAccounts/managementPolicies", 1)]
    [InlineData("Microsoft.KeyVault/vaults", 1)]
    [InlineData("Microsoft.KeyVault/vaults/secrets", 2)]
    [InlineData("Microsoft.Authorization/roleAssignments", 2)]
    [InlineData("Microsoft.OperationalInsights/workspaces", 1)]
    [InlineData("Microsoft.Insights/components", 1)]
    public void The_template_deploys(string type, int count) => Assert.Equal(count, Template.ResourcesOfType(type).Count);

    [Fact]
    public void The_web_app_runs_dotnet_10_on_linux_with_websockets_https_only_and_the_readiness_probe()
    {
        Assert.True(Single("Microsoft.Web/serverfarms")["properties"]!["reserved"]!.GetValue<bool>(), "a Linux plan is 'reserved'");
        var site = Single("Microsoft.Web/sites");
        var properties = site["properties"]!;
        Assert.Contains("linux", site["kind"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(properties["httpsOnly"]!.GetValue<bool>());
        var siteConfig = properties["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", siteConfig["linuxFxVersion"]!.GetValue<string>());
        Assert.True(siteConfig["webSocketsEnabled"]!.GetValue<bool>());
        Assert.Equal(Health.HealthEndpoints.ReadinessPath, siteConfig["healthCheckPath"]!.GetValue<string>());
    }

    [Fact]
    public void The_web_app_listens_where_App_Service_forwards()
    {
        var settings = SiteAppSettings();
        Assert.Equal(settings["WEBSITES_PORT"], settings["ASPNETCORE_HTTP_PORTS"]);
        Assert.False(settings.ContainsKey("ASPNETCORE_URLS"), "ASPNETCORE_HTTP_PORTS is enough: the host keeps 3978 only when nothing is configured");
    }

    [Fact]
    public void The_bot_identity_is_a_choice_between_a_managed_identity_and_an_app_registration()
    {
        var appType = Template.Parameter("appType");
        Assert.Equal(["MultiTenant", "SingleTenant", "UserAssignedMSI"], appType["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()).Order());
        Assert.Equal("UserAssignedMSI", appType["defaultValue"]!.GetValue<string>());
        Assert.Equal("securestring", Template.Parameter("appSecret")["type"]!.GetValue<string>());

        var bot = Single("Microsoft.BotService/botServices")["properties"]!;
        Assert.Equal("[parameters('appType')]", bot["msaAppType"]!.GetValue<string>());
        Assert.Contains("userAssignedIdentities", Resolve(bot["msaAppMSIResourceId"]!.GetValue<string>()), StringComparison.Ordinal);
        Assert.Contains(".clientId", bot["msaAppId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("parameters('appId')", bot["msaAppId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(bot["msaAppId"]!.GetValue<string>(), SiteAppSettings()["MicrosoftAppId"]);
        Assert.Contains("UserAssigned", Single("Microsoft.Web/sites")["identity"]!["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_secret_is_a_Key_Vault_reference_read_with_the_identity()
    {
        var settings = SiteAppSettings();
        Assert.StartsWith("[if(variables('useManagedIdentity'), '', format('@Microsoft.KeyVault(SecretUri={0}secrets/MicrosoftAppPassword)'", settings["MicrosoftAppPassword"], StringComparison.Ordinal);
        Assert.DoesNotContain("appSecret", string.Join(" ", settings.Values), StringComparison.Ordinal);
        var secret = Secret("MicrosoftAppPassword");
        Assert.Equal("[parameters('appSecret')]", secret["properties"]!["value"]!.GetValue<string>());
        Assert.Contains("userAssignedIdentities", Single("Microsoft.Web/sites")["properties"]!["keyVaultReferenceIdentity"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(Single("Microsoft.KeyVault/vaults")["properties"]!["enableRbacAuthorization"]!.GetValue<bool>());
        AssertRoleForIdentity("4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults"); // Key Vault Secrets User
    }

    [Fact]
    public void The_Direct_Line_secret_is_the_channels_own_key_kept_in_Key_Vault_and_read_by_reference()
    {
        // The secret's value is read from the bot's Direct Line channel at deployment, never passed in or written out.
        var secret = Secret("DirectLineSecret");
        var value = secret["properties"]!["value"]!.GetValue<string>();
        Assert.StartsWith("[listChannelWithKeys(resourceId('Microsoft.BotService/botServices/channels'", value, StringComparison.Ordinal);
        Assert.Contains("'DirectLineChannel')", value, StringComparison.Ordinal);
        Assert.EndsWith(".properties.properties.sites[0].key]", value, StringComparison.Ordinal);
        Assert.Contains(secret["dependsOn"]!.AsArray(), d => d!.GetValue<string>().Contains("'DirectLineChannel')", StringComparison.Ordinal));

        // The host reads it as DirectLine:Secret (Azure mode for the Web Chat page), through the identity's Key Vault access.
        var setting = SiteAppSettings()[Key($"{DirectLineOptions.Section}:{nameof(DirectLineOptions.Secret)}")];
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1})', reference(resourceId('Microsoft.KeyVault/vaults', variables('vaultName')), '2023-07-01').vaultUri, 'DirectLineSecret')]", setting);
        Assert.DoesNotContain("listChannelWithKeys", string.Join(" ", SiteAppSettings().Values), StringComparison.Ordinal);

        // The settings are applied only once both secrets exist: an unresolved reference would reach the app as its text.
        var dependsOn = Single("Microsoft.Web/sites/config")["dependsOn"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
        Assert.Contains("[resourceId('Microsoft.KeyVault/vaults/secrets', variables('vaultName'), 'DirectLineSecret')]", dependsOn);
        Assert.Contains("[resourceId('Microsoft.KeyVault/vaults/secrets', variables('vaultName'), 'MicrosoftAppPassword')]", dependsOn);
        Assert.Contains(dependsOn, d => d.Contains("'Microsoft.Authorization/roleAssignments'", StringComparison.Ordinal) && d.Contains("Microsoft.KeyVault/vaults", StringComparison.Ordinal));
    }

    [Fact]
    public void State_is_blob_storage_reached_through_the_managed_identity_without_keys()
    {
        var settings = SiteAppSettings();
        Assert.Equal(StorageKinds.Blob, settings[Key("Storage:Kind")]);
        Assert.Contains("primaryEndpoints.blob", settings[Key(ManagedIdentityBlobStorage.ServiceUriKey)], StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", settings[Key(ManagedIdentityBlobStorage.ClientIdKey)], StringComparison.Ordinal);
        Assert.Contains(".clientId", settings[Key(ManagedIdentityBlobStorage.ClientIdKey)], StringComparison.Ordinal);
        Assert.False(settings.ContainsKey(Key("Storage:Blob:ConnectionString")));
        Assert.DoesNotContain("listKeys", Template.Root.ToJsonString(), StringComparison.Ordinal);
        Assert.False(Single("Microsoft.Storage/storageAccounts")["properties"]!["allowSharedKeyAccess"]!.GetValue<bool>());

        var container = Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.EndsWith("variables('stateContainer'))]", container["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("[variables('stateContainer')]", settings[Key("Storage:Blob:Container")]);
        AssertRoleForIdentity("ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Microsoft.Storage/storageAccounts"); // Storage Blob Data Contributor
    }

    [Fact]
    public void The_lifecycle_rules_delete_state_after_the_TTLs_the_host_uses()
    {
        var rules = Single("Microsoft.Storage/storageAccounts/managementPolicies")["properties"]!["policy"]!["rules"]!.AsArray();
        int DaysOf(string rule, string parameter)
        {
            var definition = rules.Single(r => (string?)r!["name"] == rule)!["definition"]!;
            Assert.Equal($"[parameters('{parameter}')]", definition["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!.GetValue<string>());
            return Template.Parameter(parameter)["defaultValue"]!.GetValue<int>();
        }

        var defaults = new StorageSettings();
        Assert.Equal(defaults.ConversationTtl, TimeSpan.FromDays(DaysOf("expire-conversation-state", "conversationTtlDays")));
        Assert.Equal(defaults.UserTtl, TimeSpan.FromDays(DaysOf("expire-user-state", "userTtlDays")));

        // The host is told the same TTLs.
        var settings = SiteAppSettings();
        Assert.Contains("parameters('conversationTtlDays')", settings[Key("Storage:ConversationTtl")], StringComparison.Ordinal);
        Assert.Contains("parameters('userTtlDays')", settings[Key("Storage:UserTtl")], StringComparison.Ordinal);
    }

    [Fact]
    public void Telemetry_goes_to_Application_Insights()
    {
        var settings = SiteAppSettings();
        Assert.Equal("true", settings[Key("Telemetry:Enabled")]);
        Assert.Contains("Microsoft.Insights/components", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.Contains("ConnectionString", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", Single("Microsoft.Insights/components")["properties"]!["WorkspaceResourceId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_web_app_sets_every_MicrosoftApp_setting_the_host_reads()
    {
        var hostSettings = JsonNode.Parse(File.ReadAllText(SharedFolder.InRepository("ItpBot", "appsettings.json")))!
            .AsObject().Select(p => p.Key).Where(key => key.StartsWith("MicrosoftApp", StringComparison.Ordinal)).ToList();
        Assert.Equal(["MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppType"], hostSettings.Order());
        var appSettings = SiteAppSettings();
        Assert.All(hostSettings, key => Assert.True(appSettings.ContainsKey(key), $"the web app does not set {key}"));
    }

    [Fact]
    public void The_bot_registration_is_global_and_points_at_the_web_apps_messages_endpoint()
    {
        var bot = Single("Microsoft.BotService/botServices");
        Assert.Equal("global", bot["location"]!.GetValue<string>());
        Assert.Equal("azurebot", bot["kind"]!.GetValue<string>());
        var endpoint = bot["properties"]!["endpoint"]!.GetValue<string>();
        Assert.Matches(@"^\[format\('https://\{0\}/api/messages', reference\(resourceId\('Microsoft.Web/sites'", endpoint);
        Assert.Contains(".defaultHostName", endpoint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MsTeamsChannel")]
    [InlineData("WebChatChannel")]
    [InlineData("DirectLineChannel")]
    public void The_bot_has_the_channel_enabled(string channelName)
    {
        var channel = Assert.Single(
            Template.ResourcesOfType("Microsoft.BotService/botServices/channels"),
            c => c["properties"]!["channelName"]!.GetValue<string>() == channelName);
        Assert.Equal("global", channel["location"]!.GetValue<string>());
        Assert.Contains(channel["dependsOn"]!.AsArray(), d => d!.GetValue<string>().Contains("'Microsoft.BotService/botServices'", StringComparison.Ordinal));
        var settings = channel["properties"]!["properties"]!;
        var enabled = settings["isEnabled"]?.GetValue<bool>() ?? settings["sites"]!.AsArray().Any(s => s!["isEnabled"]!.GetValue<bool>());
        Assert.True(enabled, $"{channelName} is not enabled");
    }

    private static JsonObject Single(string type) => Assert.Single(Template.ResourcesOfType(type));

    /// <summary>An App Service setting name for a configuration key (':' becomes '__').</summary>
    private static string Key(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);

    private static void AssertRoleForIdentity(string roleId, string scopeType)
    {
        var assignment = Assert.Single(
            Template.ResourcesOfType("Microsoft.Authorization/roleAssignments"),
            r => Resolve(r["properties"]!["roleDefinitionId"]!.GetValue<string>()).Contains(roleId, StringComparison.Ordinal));
        Assert.Contains(scopeType, assignment["scope"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", assignment["properties"]!["principalId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(".principalId", assignment["properties"]!["principalId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The web app's settings: a sites/config 'appsettings' resource, applied after the secrets it refers to.</summary>
    private static Dictionary<string, string> SiteAppSettings()
    {
        var config = Single("Microsoft.Web/sites/config");
        Assert.EndsWith("'appsettings')]", config["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]);
        return config["properties"]!.AsObject().ToDictionary(s => s.Key, s => s.Value!.ToString());
    }

    private static JsonObject Secret(string name) => Assert.Single(
        Template.ResourcesOfType("Microsoft.KeyVault/vaults/secrets"),
        s => s["name"]!.GetValue<string>().EndsWith($"'{name}')]", StringComparison.Ordinal));

    /// <summary>Inlines string variables('x') so a check can see what a variable stands for.</summary>
    private static string Resolve(string expression)
    {
        for (var i = 0; i < 5 && expression.Contains("variables('", StringComparison.Ordinal); i++)
        {
            expression = Regex.Replace(expression, @"variables\('(?<name>[^']+)'\)", m =>
            {
                var value = Template.Root["variables"]![m.Groups["name"].Value];
                if (value is not JsonValue)
                {
                    return m.Value;
                }

                var text = value.ToString();
                return text.StartsWith('[') ? text[1..^1] : $"'{text}'";
            });
        }

        return expression;
    }
}
