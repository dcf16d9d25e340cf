import type { ApiConfig } from '../config/config.schema';
import type { JobQueue } from '../jobs/job-queue.service';
import type { MailService } from '../mail/mail.service';
import type { PrismaTransaction } from '../prisma/prisma.service';
import type { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

// The compiler refuses an unknown kind or missing data when the kind is written
// in the code; a kind computed as a plain string is checked when sent.
describe('NotificationsService.notify', () => {
  const tx = {} as PrismaTransaction;
  function service() {
    const repository = { create: jest.fn().mockResolvedValue({ id: 'n1' }), emailFrequency: jest.fn().mockResolvedValue('immediately') };
    const jobs = { enqueue: jest.fn(), register: jest.fn() };
    const notifications = new NotificationsService({} as ApiConfig, repository as unknown as NotificationsRepository, jobs as unknown as JobQueue, {} as MailService);
    return { notifications, repository, jobs };
  }

  it('stores a declared kind with the data its sentences need, and queues its e-mail', async () => {
    const { notifications, repository, jobs } = service();
    await notifications.notify(tx, { personId: 'p1', kind: 'data-use.suspended', data: { reference: 'DU-2027-001', title: 'Caméras', reason: 'Audit en cours.' }, link: '/registre/DU-2027-001' });
    expect(repository.create).toHaveBeenCalledWith(tx, { personId: 'p1', kind: 'data-use.suspended', data: { reference: 'DU-2027-001', title: 'Caméras', reason: 'Audit en cours.' }, link: '/registre/DU-2027-001' });
    expect(jobs.enqueue).toHaveBeenCalledWith(tx, 'notification.email', { notificationId: 'n1' });
  });

  it('refuses a kind no feature declares, before storing anything', async () => {
    const { notifications, repository } = service();
    const kind: string = 'consultation.opened';
    await expect(notifications.notify(tx, { personId: 'p1', kind, data: {} })).rejects.toThrow(/Unknown notification kind consultation\.opened/);
    expect(repository.create).not.toHaveBeenCalled();
  });

  it('refuses a notification lacking a field its sentences use', async () => {
    const { notifications, repository } = service();
    const kind: string = 'data-use.updated';
    await expect(notifications.notify(tx, { personId: 'p1', kind, data: { reference: 'DU-2027-001', title: 'Caméras' } })).rejects.toThrow(/lacks the data its sentences need: version, changeNote/);
    expect(repository.create).not.toHaveBeenCalled();
  });
});
