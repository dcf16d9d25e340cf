import { Module } from '@nestjs/common';
import { docsPaths } from './docs.openapi';
import { OpenApiController } from './openapi.controller';
import { OpenApiPaths } from './openapi-paths';

@OpenApiPaths(docsPaths)
@Module({ controllers: [OpenApiController] })
export class OpenApiModule {}
