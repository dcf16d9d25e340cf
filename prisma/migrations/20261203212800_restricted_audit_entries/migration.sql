-- AlterTable
ALTER TABLE "audit_entries" ADD COLUMN     "salt" CHAR(64),
ADD COLUMN     "scheme" SMALLINT NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "audit_published_heads" (
    "seq" INTEGER NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_published_heads_pkey" PRIMARY KEY ("seq")
);

-- Hand-written (Prisma models no triggers), see
-- docs/decisions/0011-restricted-audit-entries.md. Existing entries keep
-- scheme 1 (hashed without a salt) and stay verifiable. (No CHECK tying the
-- salt to scheme 2: the wasm schema engine cannot describe CHECK constraints;
-- the verifier refuses a scheme 2 entry without its salt, or a scheme 1 entry with one.)

-- Published heads are append-only too: a head once published stays as it was.
CREATE FUNCTION "audit_published_heads_refuse_change"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_published_heads is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "audit_published_heads_append_only"
  BEFORE UPDATE OR DELETE ON "audit_published_heads"
  FOR EACH ROW EXECUTE FUNCTION "audit_published_heads_refuse_change"();

CREATE TRIGGER "audit_published_heads_no_truncate"
  BEFORE TRUNCATE ON "audit_published_heads"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_published_heads_refuse_change"();
