import { Module } from '@nestjs/common';
import { Reflector, type ModulesContainer } from '@nestjs/core';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { collectOpenApiPaths, OpenApiPaths } from './openapi-paths';

const operation = (operationId: string) => ({ operationId, responses: { '204': { description: 'Done.' } } });

@OpenApiPaths({ '/things': { get: operation('listThings') } })
@Module({})
class ThingsModule {}

@OpenApiPaths({ '/things': { post: operation('createThing') }, '/things/{id}': { get: operation('getThing') } })
@Module({})
class ThingWritesModule {}

@OpenApiPaths({ '/things': { get: operation('listThingsAgain') } })
@Module({})
class CopyModule {}

@Module({})
class UndocumentedModule {}

const container = (...classes: (new () => unknown)[]) => new Map(classes.map((metatype, i) => [String(i), { metatype }])) as unknown as ModulesContainer;

describe('OpenAPI paths declared by modules', () => {
  it('gathers every module’s paths, merging the operations of a shared path', () => {
    const paths: ZodOpenApiPathsObject = collectOpenApiPaths(container(ThingsModule, UndocumentedModule, ThingWritesModule), new Reflector());
    expect(Object.keys(paths)).toEqual(['/things', '/things/{id}']);
    expect(Object.keys(paths['/things']!)).toEqual(['get', 'post']);
  });

  it('refuses an operation documented by two modules', () => {
    expect(() => collectOpenApiPaths(container(ThingsModule, CopyModule), new Reflector())).toThrow(/get \/things is documented by two modules/);
  });
});
