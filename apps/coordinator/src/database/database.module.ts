import { Module, OnModuleInit, Optional } from '@nestjs/common';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@icb/config';
import { HealthRegistry } from '@icb/observability';
import type { Connection } from 'mongoose';

/**
 * The coordinator's one MongoDB connection (MongoDB 7 or FerretDB). No
 * multi-document transactions and no change streams are used: FerretDB has
 * neither.
 */
@Module({
  imports: [
    TerminusModule,
    MongooseModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        uri: config.MONGO_URL,
        serverSelectionTimeoutMS: 10_000,
        autoIndex: true,
        autoCreate: true,
      }),
    }),
  ],
})
export class DatabaseModule implements OnModuleInit {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly indicators: HealthIndicatorService,
    @Optional() private readonly registry?: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.registry?.register('database', async () => {
      const session = this.indicators.check('database');
      try {
        await this.connection.db!.admin().ping();
        return session.up({ name: this.connection.name });
      } catch (error) {
        return session.down({ error: (error as Error).message });
      }
    });
  }
}
