import type { SessionPerson } from '@sesame/domain';

declare module 'next-auth' {
  interface Session {
    person: SessionPerson | null;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    person?: SessionPerson;
  }
}
