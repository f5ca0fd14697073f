// Key Vault for whatever must stay a secret, when something must: with the managed identity for
// Graph, the Bot Connector and Storage nothing does, and the vault stays empty. A municipality whose
// policy keeps Graph on an app registration puts its certificate or secret here; the service reads
// it through a Key Vault reference, as the identity, which holds "Key Vault Secrets User".
// Schema: https://learn.microsoft.com/azure/templates/microsoft.keyvault/vaults
@maxLength(24)
param name string
param location string
param tags object
param principalId string

// https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/security#key-vault-secrets-user
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, principalId, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
