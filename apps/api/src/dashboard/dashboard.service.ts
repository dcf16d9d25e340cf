import { Injectable } from '@nestjs/common';
import { canOnDashboard, WORK_AREAS, type Actor, type WorkArea, type WorkQueues } from '@sesame/domain';
import { authorize } from '../common/authorize';
import { DataUsesService } from '../data-uses/data-uses.service';
import { ProposalsService } from '../proposals/proposals.service';
import { VerificationService } from '../verification/verification.service';

/**
 * The organizers' page: what waits in each work area, counted by the feature
 * that owns it (each checks its own policy again). An area the person may not
 * work in is null, never a count.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly dataUses: DataUsesService,
    private readonly verification: VerificationService,
  ) {}

  async workQueues(actor: Actor): Promise<WorkQueues> {
    const person = authorize(canOnDashboard('dashboard.view', { actor }));
    const open = (area: WorkArea) => WORK_AREAS[area](person).allowed;
    const [proposals, register, verification] = await Promise.all([
      open('proposals') ? this.proposals.workCounts(person) : null,
      open('register') ? this.dataUses.workCounts(person) : null,
      open('verification') ? this.verification.workCounts(person) : null,
    ]);
    return { proposals, register, verification };
  }
}
