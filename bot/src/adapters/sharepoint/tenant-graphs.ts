/**
 * A Graph client per tenant, for calls about a person of another tenant in a multi-tenant
 * deployment (installing the app for them, their activity feed). Entra ID gives an app's token
 * for one tenant, the one in the authority (https://login.microsoftonline.com/{tenantId}), and
 * Graph answers for that tenant's directory only: a home-tenant token cannot reach a user of
 * another tenant. The app (multi-tenant, consented there) asks that tenant's authority instead.
 *
 * A managed identity exists in its own tenant only: with it every call goes as the home tenant's.
 */
import type { GraphSettings } from '../../config';
import type { GraphApi } from './graph-http';

/** The client for a person's tenant; undefined (the home tenant's people carry none) is the home tenant. */
export type GraphForTenant = (tenantId: string | undefined) => GraphApi;

export function graphPerTenant(settings: GraphSettings, make: (settings: GraphSettings) => GraphApi): GraphForTenant {
  const home = make(settings);
  const auth = settings.auth;
  if (auth.kind === 'managed-identity') return () => home;
  // One client each, made once: each keeps its own tokens (MSAL's cache is per authority).
  const others = new Map<string, GraphApi>();
  return (tenantId) => {
    if (!tenantId || tenantId === auth.tenantId) return home;
    let graph = others.get(tenantId);
    if (!graph) {
      graph = make({ ...settings, auth: { ...auth, tenantId } });
      others.set(tenantId, graph);
    }
    return graph;
  };
}
