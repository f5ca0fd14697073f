// The Azure Bot registration with the Microsoft Teams channel. The bot's app is the managed identity
// (msaAppType UserAssignedMSI): new multi-tenant bots can no longer be created, and this way there
// is no app secret. Teams is a standard channel, free on the F0 tier.
// Schemas: https://learn.microsoft.com/azure/templates/microsoft.botservice/botservices
//          https://learn.microsoft.com/azure/templates/microsoft.botservice/botservices/channels
param name string
param tags object
@maxLength(42)
param displayName string
param hostName string
param identityId string
param identityClientId string
param tenantId string
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: displayName
    endpoint: 'https://${hostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identityId
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}
