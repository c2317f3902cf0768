import { Controller, Get, Header } from '@nestjs/common';
import { frameworkDocumentJsonSchema } from '@trellis/domain';
import { Access } from '../common/access.js';

/** The JSON text of the framework document's JSON Schema, as served and as committed in docs/. */
export function frameworkDocumentSchemaText(): string {
  return `${JSON.stringify(frameworkDocumentJsonSchema(), null, 2)}\n`;
}

/** Publishes the JSON Schema of framework documents, so editors and CI can check "framework as code". */
@Controller('schemas')
export class FrameworkDocumentSchemaController {
  @Get('framework-document.json')
  @Access('public')
  @Header('content-type', 'application/schema+json; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  frameworkDocument(): string {
    return frameworkDocumentSchemaText();
  }
}
