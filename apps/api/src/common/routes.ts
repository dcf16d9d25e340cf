import type { INestApplication } from '@nestjs/common';

export interface MountedRoute {
  method: string;
  /** OpenAPI style: `/api/v1/items/{id}`. */
  path: string;
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every route the running application answers, read from Express's router
 * (so nothing registered can be missed). Tests use it to check that each
 * route is documented and, later, that each has a policy expectation.
 */
export function listRoutes(app: INestApplication): MountedRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack.flatMap((layer) =>
    // Nest's catch-all not-found handler (`/api/v1{/*splat}`, every method) is not a route of ours.
    layer.route && !layer.route.path.includes('*')
      ? Object.keys(layer.route.methods)
          .filter((method) => method !== '_all')
          .map((method) => ({ method: method.toUpperCase(), path: layer.route!.path.replace(/:(\w+)/g, '{$1}') }))
      : [],
  );
}
