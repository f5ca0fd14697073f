// The user-assigned managed identity the service runs as: the bot's app id (MicrosoftAppType
// UserAssignedMSI), Graph's client (Sites.Selected, User.Read.All … granted by the tenant's
// administrator, see docs/deploy.md) and the storage account's data contributor. No secret exists.
// Schema: https://learn.microsoft.com/azure/templates/microsoft.managedidentity/userassignedidentities
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output tenantId string = identity.properties.tenantId
