// ItpBot on Azure: a Linux App Service (.NET 10) running the bot, an Azure Bot registration with the Microsoft Teams,
// Web Chat and Direct Line channels, a storage account for conversation state reached through a managed identity (no
// keys), Application Insights for the host's OpenTelemetry export, and a Key Vault holding the app secret and the Direct
// Line channel's secret, which the web app reads by reference. azuredeploy.json is generated from this file:
// bicep build main.bicep --outfile azuredeploy.json

@description('Web app name, the first label of <appName>.azurewebsites.net; also names the other resources.')
@minLength(2)
@maxLength(40)
param appName string = 'itpbot-${uniqueString(resourceGroup().id)}'

@description('Region of everything but the bot registration (which is global).')
param location string = resourceGroup().location

@description('App Service plan size. Basic or above: Always On, WebSockets and health checks need it.')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'P0v3', 'P1v3', 'P2v3'])
param appServicePlanSku string = 'B1'

@description('UserAssignedMSI: the bot signs in with the managed identity (no secret). SingleTenant or MultiTenant: the existing app registration in appId, whose secret goes to Key Vault.')
@allowed(['UserAssignedMSI', 'SingleTenant', 'MultiTenant'])
param appType string = 'UserAssignedMSI'

@description('Client id of an existing app registration (SingleTenant and MultiTenant only).')
param appId string = ''

@description('Client secret of that app registration. Pass it on the command line; it is stored in Key Vault, never in an app setting.')
@secure()
param appSecret string = ''

@description('Tenant of the identity (not used for MultiTenant).')
param tenantId string = subscription().tenantId

@description('Name shown for the bot in Teams and Web Chat.')
param botDisplayName string = 'ItpBot'

@description('Azure Bot pricing tier: F0 is free (standard channels such as Teams and Web Chat are unlimited).')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Days a conversation\'s state is kept after its last save (the host\'s Storage:ConversationTtl, and the blob lifecycle rule).')
@minValue(1)
param conversationTtlDays int = 1

@description('Days a user\'s state is kept after its last save (Storage:UserTtl, and the lifecycle rule for everything else).')
@minValue(1)
param userTtlDays int = 30

var useManagedIdentity = appType == 'UserAssignedMSI'
var botTenantId = appType == 'MultiTenant' ? '' : tenantId
var stateContainer = 'itpbot-state'
var port = '8080'
// Storage and Key Vault names: lower-case letters and digits, at most 24 characters.
var compactName = take(toLower(replace(appName, '-', '')), 16)
var storageName = '${compactName}${take(uniqueString(resourceGroup().id, appName), 8)}'
var vaultName = 'kv${take(compactName, 12)}${take(uniqueString(resourceGroup().id, appName), 8)}'
// Conversation state blobs are named after their key, '<channel>/conversations/<id>', URL-escaped.
var conversationPrefixes = [for channel in ['msteams', 'directline', 'webchat', 'emulator']: '${stateContainer}/${channel}%2Fconversations%2F']
// Built-in roles.
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${appName}-identity'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateBlobs 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainer
  properties: { publicAccess: 'None' }
}

// The host deletes expired state when it next reads it; this removes what is never read again.
resource stateLifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-conversation-state'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: conversationPrefixes }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: conversationTtlDays } } }
          }
        }
        {
          name: 'expire-user-state'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: ['${stateContainer}/'] }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: userTtlDays } } }
          }
        }
      ]
    }
  }
}

resource stateAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource appPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!useManagedIdentity) {
  parent: vault
  name: 'MicrosoftAppPassword'
  properties: { value: appSecret }
}

// The Direct Line channel's own key, for the Web Chat page to exchange for tokens; never an app setting in clear.
resource directLineSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'DirectLineSecret'
  properties: { value: directLine.listChannelWithKeys().properties.properties.sites[0].key }
}

resource secretsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${appName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${appName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServicePlanSku }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      webSocketsEnabled: true
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Readiness: content loaded, state storage reachable, language models warmed (ItpBot/Health).
      healthCheckPath: '/readyz'
    }
  }
}

// The app settings on their own, after the secrets they refer to: the Direct Line secret only exists once the bot's
// Direct Line channel does, and the bot needs the site's host name, so the site cannot wait for it. A Key Vault
// reference that cannot be resolved when the settings are applied would reach the app as its literal text.
resource siteSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    MicrosoftAppType: appType
    MicrosoftAppId: useManagedIdentity ? identity.properties.clientId : appId
    MicrosoftAppPassword: useManagedIdentity ? '' : '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/MicrosoftAppPassword)'
    MicrosoftAppTenantId: botTenantId
    // The Web Chat page's Direct Line (Azure mode, ItpBot/Channels/DirectLine), read from Key Vault like the password.
    DirectLine__Secret: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${directLineSecret.name})'
    ASPNETCORE_ENVIRONMENT: 'Production'
    // The host listens where ASPNETCORE_HTTP_PORTS says (its own 3978 applies only when nothing is configured).
    ASPNETCORE_HTTP_PORTS: port
    WEBSITES_PORT: port
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    Storage__Kind: 'blob'
    Storage__Blob__ServiceUri: storage.properties.primaryEndpoints.blob
    Storage__Blob__Container: stateContainer
    Storage__Blob__ManagedIdentityClientId: identity.properties.clientId
    Storage__ConversationTtl: '${conversationTtlDays}.00:00:00'
    Storage__UserTtl: '${userTtlDays}.00:00:00'
    Telemetry__Enabled: 'true'
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  }
  dependsOn: [stateAccess, secretsAccess, appPassword, stateBlobs]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${appName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppType: appType
    msaAppId: useManagedIdentity ? identity.properties.clientId : appId
    msaAppTenantId: botTenantId
    msaAppMSIResourceId: useManagedIdentity ? identity.id : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true, enableCalling: false }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: { sites: [{ siteName: 'Default Site', isEnabled: true, isWebchatPreviewEnabled: true }] }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: { sites: [{ siteName: 'ItpBot page', isEnabled: true, isV1Enabled: false, isV3Enabled: true, isSecureSiteEnabled: false }] }
  }
}

output siteName string = site.name
output siteHostName string = site.properties.defaultHostName
output botName string = bot.name
output botEndpoint string = bot.properties.endpoint
output microsoftAppId string = useManagedIdentity ? identity.properties.clientId : appId
output storageAccount string = storage.name
output keyVault string = vault.name
