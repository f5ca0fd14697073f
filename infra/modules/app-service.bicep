// The service on App Service for Linux (Node 20 LTS): one site hosts the bot endpoint, the tab's API
// and the built tab. Its settings come from ../app-settings.json, the one list of them, with each
// '{name}' replaced from `tokens`; test/deploy starts the service from the same file.
// Schemas: https://learn.microsoft.com/azure/templates/microsoft.web/serverfarms
//          https://learn.microsoft.com/azure/templates/microsoft.web/sites
//          https://learn.microsoft.com/azure/templates/microsoft.web/sites/slots
param name string
param location string
param tags object
@description('B1 for one instance; S1 or P0v3 for deployment slots or several instances.')
param sku string
@minValue(1)
param instanceCount int
@description('A "staging" slot to deploy to and swap with (not on the Basic tier).')
param stagingSlot bool
param identityId string
@description('Values for the {name} tokens of app-settings.json.')
param tokens object

var settings = loadJsonContent('../app-settings.json')
// Each instance keeps its own limiter per tenant: every tenant's 50 requests/s per app are shared out.
var allTokens = union(tokens, { maxRequestsPerSecond: string(50 / instanceCount) })
var serviceSettings = [
  for setting in items(settings.service): {
    name: setting.key
    value: reduce(items(allTokens), setting.value, (value, token) => replace(value, '{${token.key}}', token.value))
  }
]
var platformSettings = [for setting in items(settings.platform): { name: setting.key, value: setting.value }]

var siteConfig = {
  linuxFxVersion: 'NODE|20-lts'
  appCommandLine: 'node dist/bot/src/main.js'
  alwaysOn: true
  healthCheckPath: '/healthz'
  minTlsVersion: '1.2'
  scmMinTlsVersion: '1.2'
  ftpsState: 'Disabled'
  http20Enabled: true
  appSettings: concat(serviceSettings, platformSettings)
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // stateless instances: any of them may take any request
    keyVaultReferenceIdentity: identityId
    siteConfig: siteConfig
  }
}

resource staging 'Microsoft.Web/sites/slots@2023-12-01' = if (stagingSlot) {
  parent: site
  name: 'staging'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: siteConfig
  }
}

output id string = site.id
output defaultHostName string = site.properties.defaultHostName
