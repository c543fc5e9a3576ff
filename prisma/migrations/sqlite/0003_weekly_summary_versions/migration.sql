-- CreateTable
CREATE TABLE "WeeklySummary" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "week" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "generatedAt" DATETIME NOT NULL,
    "generatorVersion" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "SummaryDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "week" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "transport" TEXT,
    "messageId" TEXT
);

-- AlterTable (hand-written: `prisma migrate diff` redefines both tables, dropping and re-creating
-- Program under the foreign keys of every table that references it; adding a column with a
-- constant default needs no redefinition in SQLite)
ALTER TABLE "Program" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Annotation" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "WeeklySummary_scope_week_idx" ON "WeeklySummary"("scope", "week");

-- CreateIndex
CREATE UNIQUE INDEX "WeeklySummary_week_scope_key" ON "WeeklySummary"("week", "scope");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryDelivery_week_scope_recipient_key" ON "SummaryDelivery"("week", "scope", "recipient");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_at_idx" ON "AuditLog"("entityType", "entityId", "at");


-- A stored weekly summary is never changed (lib/summary/archive.ts); hand-written, as in 0001.
CREATE TRIGGER "WeeklySummary_no_update" BEFORE UPDATE ON "WeeklySummary"
BEGIN
    SELECT RAISE(ABORT, 'WeeklySummary is append-only');
END;

CREATE TRIGGER "WeeklySummary_no_delete" BEFORE DELETE ON "WeeklySummary"
BEGIN
    SELECT RAISE(ABORT, 'WeeklySummary is append-only');
END;
