/**
 * Application Insights through OpenTelemetry (@azure/monitor-opentelemetry): incoming and outgoing
 * HTTP calls become request and dependency traces, and the service's pino logs become log records
 * (the pino instrumentation hands each one to the OpenTelemetry logs API, which the distro exports),
 * carrying the trace they belong to. Instrumentations hook into module loading, so this must run
 * before http, restify or pino are loaded: main.ts starts it first and imports the service after.
 */
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';

export interface Telemetry {
  /** Sends what is buffered and stops. */
  stop(): Promise<void>;
}

export function startTelemetry(connectionString: string): Telemetry {
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    instrumentationOptions: { http: { enabled: true }, azureSdk: { enabled: true } },
  });
  registerInstrumentations({ instrumentations: [new PinoInstrumentation()] });
  return { stop: () => shutdownAzureMonitor() };
}
