-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "WeeklySummary" (
    "id" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL,
    "generatorVersion" INTEGER NOT NULL,

    CONSTRAINT "WeeklySummary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SummaryDelivery" (
    "id" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "transport" TEXT,
    "messageId" TEXT,

    CONSTRAINT "SummaryDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WeeklySummary_scope_week_idx" ON "WeeklySummary"("scope", "week");

-- CreateIndex
CREATE UNIQUE INDEX "WeeklySummary_week_scope_key" ON "WeeklySummary"("week", "scope");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryDelivery_week_scope_recipient_key" ON "SummaryDelivery"("week", "scope", "recipient");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_at_idx" ON "AuditLog"("entityType", "entityId", "at");


-- A stored weekly summary is never changed (lib/summary/archive.ts); hand-written, as in 0001.
CREATE TRIGGER "WeeklySummary_append_only" BEFORE UPDATE OR DELETE ON "WeeklySummary"
    FOR EACH ROW EXECUTE FUNCTION "hutong_refuse_change"();

CREATE TRIGGER "WeeklySummary_no_truncate" BEFORE TRUNCATE ON "WeeklySummary"
    FOR EACH STATEMENT EXECUTE FUNCTION "hutong_refuse_change"();
