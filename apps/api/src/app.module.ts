import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DataUsesModule } from './data-uses/data-uses.module';
import { DevModule } from './dev/dev.module';
import { IdentityModule } from './identity/identity.module';
import { JobsModule } from './jobs/jobs.module';
import { MailModule } from './mail/mail.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PeopleModule } from './people/people.module';
import { ProposalsModule } from './proposals/proposals.module';
import { DeliberationsModule } from './deliberations/deliberations.module';
import { OpinionMapModule } from './opinion-map/opinion-map.module';
import { AdvisoryPanelModule } from './advisory-panel/advisory-panel.module';
import { ConsultationsModule } from './consultations/consultations.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { TerritoryModule } from './territory/territory.module';
import { VerificationModule } from './verification/verification.module';
import { ConfigModule } from './config/config.module';
import type { ApiConfig } from './config/config.schema';
import { HealthModule } from './health/health.module';
import { loggerOptions } from './common/logging';
import { OpenApiModule } from './openapi/openapi.module';
import { OpinionMapOpenDataModule } from './open-data/opinion-map-open-data.module';
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
        MailModule,
        RateLimitModule,
        JobsModule,
        NotificationsModule,
        AuthModule,
        HealthModule,
        OpenApiModule,
        TerritoryModule,
        PeopleModule,
        IdentityModule,
        VerificationModule,
        DataUsesModule,
        ProposalsModule,
        DeliberationsModule,
        OpinionMapModule,
        OpinionMapOpenDataModule,
        AdvisoryPanelModule,
        ConsultationsModule,
        RecommendationsModule,
        DashboardModule,
        DevModule,
      ],
    };
  }
}
