-- CreateTable
CREATE TABLE "census_entries" (
    "id" UUID NOT NULL,
    "fingerprint" CHAR(64) NOT NULL,
    "neighbourhood_id" UUID NOT NULL,
    "imported_by_id" UUID NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_by_id" UUID,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "census_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "census_entries_fingerprint_key" ON "census_entries"("fingerprint");

-- CreateIndex
CREATE INDEX "census_entries_neighbourhood_id_idx" ON "census_entries"("neighbourhood_id");

-- AddForeignKey
ALTER TABLE "census_entries" ADD CONSTRAINT "census_entries_neighbourhood_id_fkey" FOREIGN KEY ("neighbourhood_id") REFERENCES "neighbourhoods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
