import type { NamedStatement } from '../prisma/named-statement';

/**
 * The caller's account, roles and whether this browser session was ended:
 * what AuthGuard reads on every signed-in request (PeopleRepository.findActor).
 * `$1` the person, `$2` the session id or null. Its own file, importing nothing
 * at run time: the bench's SQL references run the same statement.
 */
export const FIND_ACTOR: NamedStatement = {
  name: 'find-actor',
  text: `SELECT p.id, p.session_version,
        ARRAY(SELECT r.role::text FROM person_roles r WHERE r.person_id = p.id ORDER BY r.role) AS roles,
        EXISTS (SELECT 1 FROM ended_sessions e WHERE e.person_id = p.id AND e.session_id = $2::uuid) AS session_ended
      FROM people p WHERE p.id = $1::uuid AND p.deleted_at IS NULL`,
};
