import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { ConfigModule } from './config/config.module';
import type { ApiConfig } from './config/config.schema';
import { HealthModule } from './health/health.module';
import { loggerOptions } from './common/logging';
import { OpenApiModule } from './openapi/openapi.module';
import { PrismaModule } from './prisma/prisma.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        PrismaModule,
        AuditModule,
        HealthModule,
        OpenApiModule,
      ],
    };
  }
}
