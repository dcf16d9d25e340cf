import { Body, Controller, Get, HttpCode, Ip, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  AddPanelMemberSchema,
  AnswerPanelInvitationSchema,
  CallReferenceParamsSchema,
  CancelDrawSchema,
  canOnAdvisoryPanel,
  CommitDrawSchema,
  CreateCallInvitationsSchema,
  CreateCallSchema,
  DrawFileParamsSchema,
  DrawReferenceParamsSchema,
  ImportPoolSchema,
  MemberTransitionSchema,
  PanelIdParamsSchema,
  PanelInvitationQuerySchema,
  PublishPanelRulesSchema,
  RevealSeedSchema,
  SetQuotasSchema,
  WithdrawVolunteerSchema,
  type Actor,
  type AddPanelMember,
  type AnswerPanelInvitation,
  type CancelDraw,
  type CommitDraw,
  type CreateCall,
  type DRAW_FILES,
  type ImportPool,
  type MemberTransition,
  type PublishPanelRules,
  type RevealSeed,
  type SetQuotas,
  type WithdrawVolunteer,
} from '@sesame/domain';
import type { Response } from 'express';
import { CurrentActor, Public, RequirePolicy } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';
import { AdvisoryPanelService } from './advisory-panel.service';

/*
 * The advisory panel's routes (under /api/v1). The full list, with what each
 * answers, is at the top of packages/domain/src/advisory-panel/advisory-panel.schema.ts.
 *   public:     GET /advisory-panel, /rules, /calls, /calls/:reference, /draws, /draws/:reference,
 *               /draws/:reference/panels, /report, /files/:file; POST /calls/:reference/answers, /answers/withdraw;
 *               GET|POST /invitation (a drawn volunteer, with the token of their e-mail's link)
 *   organizers: POST /rules; GET|POST /members; POST /members/:id/{activate,resign,replace,end-term};
 *               POST /calls, /calls/:reference/{open,close,invitations}; GET|POST /pools; GET /pools/:id;
 *               PUT /pools/:id/quotas; POST /draws, /draws/:reference/seeds, /draws/:reference/draw,
 *               /draws/:reference/cancel
 */

const organizers = (action: 'advisory-panel.publish-rules' | 'advisory-panel.manage-members' | 'advisory-panel.manage-calls' | 'advisory-panel.manage-pools' | 'advisory-panel.commit-draw') => (actor: Actor) =>
  canOnAdvisoryPanel(action, { actor });
const call = new ZodPipe(CallReferenceParamsSchema);
const draw = new ZodPipe(DrawReferenceParamsSchema);
const id = new ZodPipe(PanelIdParamsSchema);
type Ref = { reference: string };
type Id = { id: string };

@Controller('advisory-panel')
export class AdvisoryPanelController {
  constructor(private readonly panel: AdvisoryPanelService) {}

  @Get()
  @Public()
  get(@CurrentActor() actor: Actor) {
    return this.panel.panel(actor);
  }

  // ——— rules ———
  @Get('rules')
  @Public()
  rules() {
    return this.panel.rules();
  }

  @Post('rules')
  @RequirePolicy(organizers('advisory-panel.publish-rules'))
  publishRules(@CurrentActor() actor: Actor, @Body(new ZodPipe(PublishPanelRulesSchema)) body: PublishPanelRules) {
    return this.panel.publishRules(actor, body);
  }

  // ——— members ———
  @Get('members')
  @RequirePolicy(organizers('advisory-panel.manage-members'))
  members(@CurrentActor() actor: Actor) {
    return this.panel.members(actor);
  }

  @Post('members')
  @RequirePolicy(organizers('advisory-panel.manage-members'))
  addMember(@CurrentActor() actor: Actor, @Body(new ZodPipe(AddPanelMemberSchema)) body: AddPanelMember) {
    return this.panel.addMember(actor, body);
  }

  @Post('members/:id/activate')
  @RequirePolicy(organizers('advisory-panel.manage-members'))
  @HttpCode(200)
  activate(@CurrentActor() actor: Actor, @Param(id) params: Id, @Body(new ZodPipe(MemberTransitionSchema)) body: { reason: string }) {
    return this.change(actor, params.id, 'activate', body.reason);
  }

  @Post('members/:id/resign')
  @RequirePolicy(organizers('advisory-panel.manage-members'))
  @HttpCode(200)
  resign(@CurrentActor() actor: Actor, @Param(id) params: Id, @Body(new ZodPipe(MemberTransitionSchema)) body: { reason: string }) {
    return this.change(actor, params.id, 'resign', body.reason);
  }

  @Post('members/:id/replace')
  @RequirePolicy(organizers('advisory-panel.manage-members'))
  @HttpCode(200)
  replace(@CurrentActor() actor: Actor, @Param(id) params: Id, @Body(new ZodPipe(MemberTransitionSchema)) body: { reason: string }) {
    return this.change(actor, params.id, 'replace', body.reason);
  }

  @Post('members/:id/end-term')
  @RequirePolicy(organizers('advisory-panel.manage-members'))
  @HttpCode(200)
  endTerm(@CurrentActor() actor: Actor, @Param(id) params: Id, @Body(new ZodPipe(MemberTransitionSchema)) body: { reason: string }) {
    return this.change(actor, params.id, 'end_term', body.reason);
  }

  private change(actor: Actor, memberId: string, transition: MemberTransition, reason: string) {
    return this.panel.changeMember(actor, memberId, transition, reason);
  }

  // ——— calls for volunteers ———
  @Get('calls')
  @Public()
  calls(@CurrentActor() actor: Actor) {
    return this.panel.calls(actor);
  }

  @Post('calls')
  @RequirePolicy(organizers('advisory-panel.manage-calls'))
  createCall(@CurrentActor() actor: Actor, @Body(new ZodPipe(CreateCallSchema)) body: CreateCall) {
    return this.panel.createCall(actor, body);
  }

  @Get('calls/:reference')
  @Public()
  getCall(@CurrentActor() actor: Actor, @Param(call) params: Ref) {
    return this.panel.call(actor, params.reference);
  }

  @Post('calls/:reference/open')
  @RequirePolicy(organizers('advisory-panel.manage-calls'))
  @HttpCode(200)
  openCall(@CurrentActor() actor: Actor, @Param(call) params: Ref) {
    return this.panel.changeCall(actor, params.reference, 'open');
  }

  @Post('calls/:reference/close')
  @RequirePolicy(organizers('advisory-panel.manage-calls'))
  @HttpCode(200)
  closeCall(@CurrentActor() actor: Actor, @Param(call) params: Ref) {
    return this.panel.changeCall(actor, params.reference, 'close');
  }

  /** The codes exist in clear only in this answer (no-store). */
  @Post('calls/:reference/invitations')
  @RequirePolicy(organizers('advisory-panel.manage-calls'))
  async invitations(@CurrentActor() actor: Actor, @Param(call) params: Ref, @Body(new ZodPipe(CreateCallInvitationsSchema)) body: { count: number }, @Res({ passthrough: true }) response: Response) {
    response.setHeader('Cache-Control', 'no-store');
    return this.panel.createInvitations(actor, params.reference, body.count);
  }

  /** The public answer form: an invitation code, one answer per letter (household). */
  @Post('calls/:reference/answers')
  @Public()
  answer(@CurrentActor() actor: Actor, @Param(call) params: Ref, @Body() body: unknown, @Ip() ip: string) {
    // Checked by the service against AnswerCallSchema and the call's own questions, in one pass.
    return this.panel.answerCall(actor, params.reference, body, ip);
  }

  /** A volunteer withdraws their answer with the code of its confirmation (no account), until the pool is frozen for a draw. */
  @Post('calls/:reference/answers/withdraw')
  @Public()
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param(call) params: Ref, @Body(new ZodPipe(WithdrawVolunteerSchema)) body: WithdrawVolunteer, @Ip() ip: string) {
    return this.panel.withdrawVolunteer(actor, params.reference, body, ip);
  }

  // ——— a drawn volunteer's invitation (the token is the e-mail link's secret; in the query, never logged) ———
  @Get('invitation')
  @Public()
  invitation(@Query(new ZodPipe(PanelInvitationQuerySchema)) query: { token: string }) {
    return this.panel.invitation(query.token);
  }

  @Post('invitation')
  @Public()
  @HttpCode(200)
  answerInvitation(@CurrentActor() actor: Actor, @Body(new ZodPipe(AnswerPanelInvitationSchema)) body: AnswerPanelInvitation, @Ip() ip: string) {
    return this.panel.answerInvitation(actor, body, ip);
  }

  // ——— pools and quotas ———
  @Get('pools')
  @RequirePolicy(organizers('advisory-panel.manage-pools'))
  pools(@CurrentActor() actor: Actor) {
    return this.panel.pools(actor);
  }

  @Post('pools')
  @RequirePolicy(organizers('advisory-panel.manage-pools'))
  importPool(@CurrentActor() actor: Actor, @Body(new ZodPipe(ImportPoolSchema)) body: ImportPool) {
    return this.panel.importPool(actor, body);
  }

  @Get('pools/:id')
  @RequirePolicy(organizers('advisory-panel.manage-pools'))
  pool(@CurrentActor() actor: Actor, @Param(id) params: Id) {
    return this.panel.pool(actor, params.id);
  }

  @Put('pools/:id/quotas')
  @RequirePolicy(organizers('advisory-panel.manage-pools'))
  setQuotas(@CurrentActor() actor: Actor, @Param(id) params: Id, @Body(new ZodPipe(SetQuotasSchema)) body: SetQuotas) {
    return this.panel.setQuotas(actor, params.id, body);
  }

  // ——— draws ———
  @Get('draws')
  @Public()
  draws() {
    return this.panel.draws();
  }

  @Post('draws')
  @RequirePolicy(organizers('advisory-panel.commit-draw'))
  commit(@CurrentActor() actor: Actor, @Body(new ZodPipe(CommitDrawSchema)) body: CommitDraw) {
    return this.panel.commitDraw(actor, body);
  }

  @Get('draws/:reference')
  @Public()
  getDraw(@CurrentActor() actor: Actor, @Param(draw) params: Ref) {
    return this.panel.draw(actor, params.reference);
  }

  @Get('draws/:reference/panels')
  @Public()
  panels(@CurrentActor() actor: Actor, @Param(draw) params: Ref) {
    return this.panel.panels(actor, params.reference);
  }

  @Get('draws/:reference/report')
  @Public()
  report(@CurrentActor() actor: Actor, @Param(draw) params: Ref) {
    return this.panel.report(actor, params.reference);
  }

  @Get('draws/:reference/files/:file')
  @Public()
  async file(@CurrentActor() actor: Actor, @Param(new ZodPipe(DrawFileParamsSchema)) params: { reference: string; file: (typeof DRAW_FILES)[number] }, @Res() response: Response): Promise<void> {
    const file = await this.panel.file(actor, params.reference, params.file);
    response.status(200).type(file.contentType).setHeader('Content-Disposition', `inline; filename="${params.reference}-${params.file}"`).send(file.body);
  }

  @Post('draws/:reference/seeds')
  @RequirePolicy(organizers('advisory-panel.commit-draw'))
  @HttpCode(200)
  reveal(@CurrentActor() actor: Actor, @Param(draw) params: Ref, @Body(new ZodPipe(RevealSeedSchema)) body: RevealSeed) {
    return this.panel.revealSeed(actor, params.reference, body.witness, body.seed);
  }

  @Post('draws/:reference/draw')
  @RequirePolicy(organizers('advisory-panel.commit-draw'))
  @HttpCode(200)
  drawPanel(@CurrentActor() actor: Actor, @Param(draw) params: Ref) {
    return this.panel.drawPanel(actor, params.reference);
  }

  /** An organizer's way out of a draw that cannot be drawn any more: cancelled with a public reason, its pool is free again. */
  @Post('draws/:reference/cancel')
  @RequirePolicy(organizers('advisory-panel.commit-draw'))
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param(draw) params: Ref, @Body(new ZodPipe(CancelDrawSchema)) body: CancelDraw) {
    return this.panel.cancelDraw(actor, params.reference, body.reason);
  }
}
