import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiOkResponse, ApiProperty, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { applyPluginMetadata, type PluginMetadata } from './openapi-metadata';

class Parent {
  a: string;
}

class Child extends Parent {
  @ApiProperty({ format: 'date-time' })
  b: string;

  c?: number;
}

/** What the plugin would write for Parent and Child (a swagger.metadata.ts). */
const metadata = (): PluginMetadata => ({
  '@nestjs/swagger': {
    models: [
      [
        { Parent, Child },
        {
          Parent: { a: { required: true, type: () => String, description: 'Parent’s.' } },
          Child: {
            b: { required: true, type: () => String, description: 'When.' },
            c: { required: false, type: () => Number, example: 3 },
          },
        },
      ],
    ],
    controllers: [],
  },
});

@Controller()
class ThingsController {
  @Get()
  @ApiOkResponse({ type: Child })
  get(): Child {
    return new Child();
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('applyPluginMetadata', () => {
  it('documents what the plugin found, under an explicit decorator, in declaration order', async () => {
    applyPluginMetadata([metadata]);
    const app = await NestFactory.create(ThingsModule, { logger: false, preview: true });
    try {
      const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
      expect(document.components?.schemas?.Child).toEqual({
        type: 'object',
        properties: {
          a: { type: 'string', description: 'Parent’s.' },
          b: { type: 'string', format: 'date-time', description: 'When.' },
          c: { type: 'number', example: 3 },
        },
        required: ['a', 'b'],
      });
      const child = document.components?.schemas?.Child as { properties: object };
      expect(Object.keys(child.properties)).toEqual(['a', 'b', 'c']);
    } finally {
      await app.close();
    }
  });

  it('refuses a file that still imports its DTOs asynchronously', () => {
    const asynchronous = (): PluginMetadata => ({
      '@nestjs/swagger': { models: [[Promise.resolve({}), {}]], controllers: [] },
    });
    expect(() => applyPluginMetadata([asynchronous])).toThrow(/require\(\)/);
  });
});
