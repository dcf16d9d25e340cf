import { SetMetadata } from '@nestjs/common';
import type { ModulesContainer, Reflector } from '@nestjs/core';
import type { ZodOpenApiPathsObject } from 'zod-openapi';

const OPENAPI_PATHS = 'sesame:openapi-paths';

/**
 * Put on a feature's module with the paths of its `*.openapi.ts`
 * (`@OpenApiPaths(proposalsPaths)`): the document gathers them from every
 * module the application imports, so a new feature adds nothing to
 * openapi.document.ts. openapi.e2e-spec.ts fails when a route is left out.
 */
export const OpenApiPaths = (paths: ZodOpenApiPathsObject): ClassDecorator => SetMetadata(OPENAPI_PATHS, paths);

/** The paths declared by the application's modules, in the order the modules are imported. */
export function collectOpenApiPaths(modules: ModulesContainer, reflector: Reflector): ZodOpenApiPathsObject {
  const collected: ZodOpenApiPathsObject = {};
  for (const module of modules.values()) {
    const paths = reflector.get<ZodOpenApiPathsObject | undefined>(OPENAPI_PATHS, module.metatype);
    for (const [path, item] of Object.entries(paths ?? {})) {
      const existing = collected[path] ?? {};
      // Two modules describing the same operation: one description would silently win.
      const twice = Object.keys(item).filter((key) => key in existing);
      if (twice.length > 0) throw new Error(`OpenAPI: ${twice.join(', ')} ${path} is documented by two modules (${module.metatype.name} and another).`);
      collected[path] = { ...existing, ...item };
    }
  }
  return collected;
}
