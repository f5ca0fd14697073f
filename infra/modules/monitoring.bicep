// Log Analytics and a workspace-based Application Insights: the service sends its request traces
// and logs there through OpenTelemetry (APPLICATIONINSIGHTS_CONNECTION_STRING). The connection
// string is not a secret (Microsoft: it identifies where telemetry goes, it grants no read access).
// Schemas: https://learn.microsoft.com/azure/templates/microsoft.operationalinsights/workspaces
//          https://learn.microsoft.com/azure/templates/microsoft.insights/components
param name string
param location string
param tags object
@description('Days Log Analytics keeps logs; 30 are included in the price.')
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

output connectionString string = appInsights.properties.ConnectionString
