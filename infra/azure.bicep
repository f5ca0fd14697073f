// One Tiltak environment in one resource group: the managed identity everything runs as, the
// Azure Bot with the Teams channel, the service on App Service for Linux, the storage account for
// the rounds' shared state (reached as the identity, no key), Key Vault for what must stay secret,
// and Application Insights on Log Analytics. Deployed by `atk provision` (m365agents.yml, arm/deploy)
// or by .github/workflows/deploy.yml; parameters per environment in azure.parameters.<env>.json.
targetScope = 'resourceGroup'

@minLength(4)
@maxLength(16)
@description('Lower-case letters and digits: names every resource (storage accounts allow no hyphens).')
param resourceBaseName string
param location string = resourceGroup().location
@description('dev, test, prod … (a tag, and the Agents Toolkit environment).')
param environmentName string
@description('The SharePoint site holding the lists, as Graph names it: "<host>,<site collection id>,<web id>".')
param sharePointSiteId string
@description('The tab\'s Entra ID app (client id) for Teams single sign-on (aad.manifest.json).')
param tabClientId string
@description('The app\'s id in the organisation\'s app catalog, once published; empty until then.')
param teamsAppCatalogId string = ''
@description('The mailbox reminders are e-mailed from to people Teams cannot reach (Mail.Send restricted to it: docs/deploy.md); empty: no e-mail.')
param mailSenderAddress string = ''
@description('Where the role file (who holds which position) lies on the site\'s persistent /home share.')
param roleFile string = '/home/site/tiltak/roles.json'
@description('The host name people reach the app at; empty: the App Service default.')
param publicHostName string = ''
param appServiceSku string = 'B1'
@minValue(1)
param instanceCount int = 1
param stagingSlot bool = false
@maxLength(42)
param botDisplayName string = 'Tiltak'

var tags = { application: 'tiltak', environment: environmentName }
var suffix = uniqueString(resourceGroup().id)
var webAppName = '${resourceBaseName}-app'
var hostName = empty(publicHostName) ? '${webAppName}.azurewebsites.net' : publicHostName
var queueName = 'tiltak-rounds'
var tablePrefix = 'Tiltak'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: '${resourceBaseName}-identity', location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { name: resourceBaseName, location: location, tags: tags }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${resourceBaseName}${suffix}', 24)
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    queueName: queueName
    tablePrefix: tablePrefix
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: take('kv-${resourceBaseName}-${suffix}', 24)
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module app 'modules/app-service.bicep' = {
  name: 'app-service'
  params: {
    name: webAppName
    location: location
    tags: tags
    sku: appServiceSku
    instanceCount: instanceCount
    stagingSlot: stagingSlot
    identityId: identity.outputs.id
    tokens: {
      identityClientId: identity.outputs.clientId
      tenantId: identity.outputs.tenantId
      sharePointSiteId: sharePointSiteId
      queueEndpoint: storage.outputs.queueEndpoint
      tableEndpoint: storage.outputs.tableEndpoint
      queueName: queueName
      tablePrefix: tablePrefix
      teamsAppCatalogId: teamsAppCatalogId
      mailSenderAddress: mailSenderAddress
      roleFile: roleFile
      tabClientId: tabClientId
      hostName: hostName
      applicationInsightsConnectionString: monitoring.outputs.connectionString
    }
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${resourceBaseName}-bot'
    tags: tags
    displayName: botDisplayName
    hostName: hostName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: identity.outputs.tenantId
  }
}

// The outputs land in env/.env.<environment> (arm/deploy) for the manifest and the next steps.
output BOT_ID string = identity.outputs.clientId
output BOT_DOMAIN string = hostName
output TAB_DOMAIN string = hostName
output TAB_ENDPOINT string = 'https://${hostName}'
output AZURE_APP_SERVICE_RESOURCE_ID string = app.outputs.id
output AZURE_APP_SERVICE_NAME string = webAppName
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output AZURE_STORAGE_ACCOUNT_ID string = storage.outputs.id
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
