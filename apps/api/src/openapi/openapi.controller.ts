import { Public } from '../auth/access.decorators';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { join } from 'node:path';
import { absolutePath } from 'swagger-ui-dist';
import { ProblemException } from '../common/problem.exception';
import { API_BASE_PATH, buildOpenApiDocument } from './openapi.document';
import { collectOpenApiPaths } from './openapi-paths';

/** Swagger UI files served from the swagger-ui-dist package: no CDN. */
const SWAGGER_ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sésame API — documentation</title>
<link rel="stylesheet" href="${API_BASE_PATH}/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="${API_BASE_PATH}/docs/favicon-32x32.png">
</head>
<body>
<main id="swagger-ui"><noscript>The interactive documentation needs JavaScript. The raw OpenAPI document is at <a href="${API_BASE_PATH}/openapi.json">${API_BASE_PATH}/openapi.json</a>.</noscript></main>
<script src="${API_BASE_PATH}/docs/swagger-ui-bundle.js"></script>
<script src="${API_BASE_PATH}/docs/init.js"></script>
</body>
</html>
`;

// A file rather than an inline script, so the page runs under a strict CSP.
// validatorUrl null: Swagger UI would otherwise call validator.swagger.io.
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: '${API_BASE_PATH}/openapi.json',
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true,
});
`;

@Public()
@Controller()
export class OpenApiController {
  private readonly document: ReturnType<typeof buildOpenApiDocument>;

  // Every module is known once the application is scanned, before any controller is built.
  constructor(modules: ModulesContainer, reflector: Reflector) {
    this.document = buildOpenApiDocument(collectOpenApiPaths(modules, reflector));
  }

  @Get('openapi.json')
  openapi(): unknown {
    return this.document;
  }

  @Get('docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  docs(): string {
    return DOCS_PAGE;
  }

  @Get('docs/init.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  init(): string {
    return INIT_SCRIPT;
  }

  @Get('docs/:asset')
  asset(@Param('asset') asset: string, @Res() response: Response): void {
    // Own keys only: "constructor" or "__proto__" must not find Object's members.
    const type = Object.hasOwn(SWAGGER_ASSETS, asset) ? SWAGGER_ASSETS[asset] : undefined;
    if (!type) throw ProblemException.notFound(`Aucun fichier de documentation nommé « ${asset} ».`);
    response.type(type).setHeader('Cache-Control', 'public, max-age=86400');
    response.sendFile(join(absolutePath(), asset));
  }
}
