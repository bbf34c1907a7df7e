import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { unsafeCodeUnitIndex, USML_CATEGORY_PATTERN } from '@icb/contracts';
import {
  Nested,
  OneOf,
  Optional,
  Pattern,
  RequiredWhen,
  Text,
} from '@icb/contracts/validation/decorators';
import { buildOpenApi } from './bootstrap';
import { contractRef, SAFE_TEXT_PATTERN } from './openapi-exact';

class OfficerBody {
  @ApiProperty({ type: String })
  @Text(200)
  name: string;
}

class AnswerBody {
  @ApiProperty({ enum: ['yes', 'no'] })
  @OneOf(['yes', 'no'])
  answer: 'yes' | 'no';

  @ApiPropertyOptional({ type: String, description: 'Required with `no`.' })
  @RequiredWhen('answer', ['no'])
  @Text(100)
  why?: string;

  @ApiPropertyOptional({ type: String })
  @Optional()
  @Pattern(USML_CATEGORY_PATTERN, 'a USML category')
  usml?: string;

  @ApiProperty({ type: () => OfficerBody })
  @Nested(() => OfficerBody)
  officer: OfficerBody;

  @ApiPropertyOptional({ allOf: [{ $ref: contractRef('ConsultationChangesV1') }] })
  @Optional()
  changes?: unknown;
}

class PageQuery {
  @ApiPropertyOptional({ type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

@Controller('things')
class ThingsController {
  @Get()
  list(@Query() _query: PageQuery): string[] {
    return [];
  }

  @Get('stats')
  stats(): number {
    return 0;
  }

  @Post(':id/answer')
  answer(@Param('id') _id: string, @Body() _body: AnswerBody): void {}
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Parameter = { name: string; required?: boolean; schema: Schema };

function parameter(operation: Schema, name: string): Parameter | undefined {
  return (operation.parameters as Parameter[]).find((p) => p.name === name);
}

async function documentOf(signIn?: { publicPaths: string[]; cookie: string }): Promise<Schema> {
  const app = await NestFactory.create(ThingsModule, { preview: true, logger: false });
  try {
    return buildOpenApi(app, { title: 'Things', description: 'under test', signIn });
  } finally {
    await app.close();
  }
}

describe('the OpenAPI document states what the HTTP edge enforces', () => {
  let document: Schema;
  beforeAll(async () => {
    document = await documentOf();
  });

  it('gives each validated property the constraints class-validator checks', () => {
    const body = document.components.schemas.AnswerBody;
    expect(body.properties.why).toMatchObject({ minLength: 1, maxLength: 100 });
    expect(body.properties.usml).toMatchObject({ pattern: USML_CATEGORY_PATTERN.source });
    expect(document.components.schemas.OfficerBody.properties.name).toMatchObject({
      minLength: 1,
      maxLength: 200,
    });
    const limit = parameter(document.paths['/things'].get, 'limit');
    expect(limit).toMatchObject({
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 100 },
    });
  });

  it('refuses unknown properties and states rules between properties in request bodies', () => {
    const body = document.components.schemas.AnswerBody;
    expect(body.additionalProperties).toBe(false);
    expect(document.components.schemas.OfficerBody.additionalProperties).toBe(false);
    expect(body.required).toEqual(['answer', 'officer']);
    // `why` is required when `answer` is `no`: "not (answer is no), or why is there".
    expect(body.allOf).toEqual([
      {
        anyOf: [
          {
            not: {
              type: 'object',
              properties: { answer: { enum: ['no'] } },
              required: ['answer'],
            },
          },
          { type: 'object', required: ['why'] },
        ],
      },
    ]);
  });

  it('states the characters the edge refuses in every free-text string of a request', () => {
    const body = document.components.schemas.AnswerBody;
    expect(body.properties.why.pattern).toBe(SAFE_TEXT_PATTERN);
    expect(body.properties.usml.pattern).toBe(USML_CATEGORY_PATTERN.source);
    const id = parameter(document.paths['/things/{id}/answer'].post, 'id');
    expect(id?.schema.pattern).toBe(SAFE_TEXT_PATTERN);
    const pattern = new RegExp(SAFE_TEXT_PATTERN);
    for (let c = 0; c < 0x80; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      expect([c, pattern.test(text)]).toEqual([c, unsafeCodeUnitIndex(text) < 0]);
    }
  });

  it('carries the schema of a bus contract class a request property names, in OpenAPI 3.0 terms', () => {
    const changes = document.components.schemas.ConsultationChangesV1;
    expect(changes).toMatchObject({ type: 'object', additionalProperties: false });
    expect(document.components.schemas.ConsultationAttributesV1).toBeDefined();
    const text = JSON.stringify(document.components.schemas);
    expect(text).not.toMatch(/"(if|then|else|const)":/);
    expect(text).not.toMatch(/#\/definitions\//);
  });

  it('declares the answers every edge can give, errors as JSON in one shape', () => {
    const answer = document.paths['/things/{id}/answer'].post.responses;
    expect(Object.keys(answer)).toEqual(expect.arrayContaining(['400', '413', '415']));
    expect(answer['400'].content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/ApiErrorDto' } },
    });
    expect(Object.keys(document.paths['/things'].get.responses)).toContain('400');
    expect(Object.keys(document.paths['/things/stats'].get.responses)).not.toContain('400');
    expect(document.components.schemas.ApiErrorDto.required).toEqual(['statusCode', 'message']);
  });

  it('declares 401 and 429 for every signed-in operation, 403 for those that change state', async () => {
    const signedIn = await documentOf({ publicPaths: ['/things/stats'], cookie: 'c' });
    const codes = (path: string, method: string) =>
      Object.keys(signedIn.paths[path][method].responses);
    expect(codes('/things', 'get')).toEqual(expect.arrayContaining(['401', '429']));
    expect(codes('/things', 'get')).not.toContain('403');
    expect(codes('/things/{id}/answer', 'post')).toEqual(
      expect.arrayContaining(['401', '403', '429']),
    );
    expect(codes('/things/stats', 'get')).not.toContain('401');
  });
});
