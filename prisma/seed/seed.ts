// The French demo: a fictional town, its neighbourhoods, the register's first
// record (Sésame's own processing, DU-<year>-001) and, outside production, one
// demo account per role, six data uses of the town, four proposals, a deliberation
// on one of them with its opinion map (statements, synthetic demo voters), and the
// advisory panel (rules, members, a draw made, an open call), and consultations
// in every phase (a closed one with its results and ballot list). It runs once: a
// database that already has a territory is left alone. Every record is written
// with its audit entry, in one transaction.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../apps/api/src/generated/prisma/client';
import { AuditRepository } from '../../apps/api/src/audit/audit.repository';
import { takeTransactionLock } from '../../apps/api/src/common/advisory-locks.repository';
import type { PrismaService } from '../../apps/api/src/prisma/prisma.service';
import type { SeedContext } from './seed-context';
import { seedDataUses } from './data-uses.seed';
import { seedDemoPeople } from './people.seed';
import { seedDemoProposals } from './proposals.seed';
import { seedDemoDeliberation } from './deliberations.seed';
import { seedDemoOpinionMap } from './opinion-map.seed';
import { seedDemoAdvisoryPanel } from './advisory-panel.seed';
import { seedDemoConsultations } from './consultations.seed';
import { seedDemoRecommendations } from './recommendations.seed';
import { seedTerritory } from './territory.seed';

export async function seedDemo(databaseUrl: string, options: { demoAccounts: boolean }): Promise<'seeded' | 'already-seeded'> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const auditLog = new AuditRepository(prisma as unknown as PrismaService);
  try {
    return await prisma.$transaction(
      async (tx) => {
        // Serialise concurrent seeds (two `npm start` at once).
        await takeTransactionLock(tx, 'seed');
        if ((await tx.territory.count()) > 0) return 'already-seeded' as const;
        const context: SeedContext = {
          tx,
          audit: (entry) => auditLog.append(tx, { actorId: null, visibility: 'public', ...entry }),
        };
        const { neighbourhoods } = await seedTerritory(context);
        if (options.demoAccounts) await seedDemoPeople(context, neighbourhoods);
        // The platform's own record always; the town's demo uses only with the demo accounts.
        await seedDataUses(context, neighbourhoods, { demo: options.demoAccounts });
        if (options.demoAccounts) {
          await seedDemoProposals(context);
          await seedDemoDeliberation(context);
          await seedDemoOpinionMap(context);
          await seedDemoAdvisoryPanel(context);
          await seedDemoConsultations(context);
          await seedDemoRecommendations(context);
        }
        await context.audit({ action: 'platform.seeded', subjectType: 'platform', subjectId: null, data: { demoAccounts: options.demoAccounts } });
        return 'seeded' as const;
      },
      { timeout: 60_000 },
    );
  } finally {
    await prisma.$disconnect();
  }
}

