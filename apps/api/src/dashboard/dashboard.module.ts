import { Module } from '@nestjs/common';
import { DataUsesModule } from '../data-uses/data-uses.module';
import { OpenApiPaths } from '../openapi/openapi-paths';
import { ProposalsModule } from '../proposals/proposals.module';
import { VerificationModule } from '../verification/verification.module';
import { DashboardController } from './dashboard.controller';
import { dashboardPaths } from './dashboard.openapi';
import { DashboardService } from './dashboard.service';

/** The organizers' page: counts from the features that own each work area (through their exported services). */
@OpenApiPaths(dashboardPaths)
@Module({
  imports: [ProposalsModule, DataUsesModule, VerificationModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
