-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('HEALTH_CHANGED', 'REGRESSION', 'STALE_REPORT', 'TARGET_REPLANNED', 'IMPORT_LANDED');

-- CreateEnum
CREATE TYPE "DeliveryChannel" AS ENUM ('IN_APP', 'MAIL', 'DIGEST', 'OFF');

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "entityType" "EntityType",
    "entityCode" TEXT,
    "institutionCode" TEXT,
    "effectiveAt" TIMESTAMP(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "eventId" INTEGER,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" TEXT NOT NULL,
    "alertId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "channel" "DeliveryChannel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "mailClaimedAt" TIMESTAMP(3),
    "mailedAt" TIMESTAMP(3),

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramFollow" (
    "userId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "following" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgramFollow_pkey" PRIMARY KEY ("userId","programId")
);

-- CreateTable
CREATE TABLE "AlertPreference" (
    "userId" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "channel" "DeliveryChannel" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "ProgramHealthState" (
    "programId" TEXT NOT NULL,
    "health" TEXT NOT NULL,
    "asOf" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgramHealthState_pkey" PRIMARY KEY ("programId")
);

-- CreateTable
CREATE TABLE "AlertCursor" (
    "name" TEXT NOT NULL,
    "lastEventId" INTEGER NOT NULL DEFAULT 0,
    "lastDay" TEXT,
    "runs" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AlertCursor_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "AlertDigest" (
    "id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "alertCount" INTEGER NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "AlertDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Alert_dedupeKey_key" ON "Alert"("dedupeKey");

-- CreateIndex
CREATE INDEX "Alert_programId_createdAt_idx" ON "Alert"("programId", "createdAt");

-- CreateIndex
CREATE INDEX "AlertDelivery_userId_readAt_idx" ON "AlertDelivery"("userId", "readAt");

-- CreateIndex
CREATE INDEX "AlertDelivery_channel_mailClaimedAt_idx" ON "AlertDelivery"("channel", "mailClaimedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AlertDelivery_alertId_userId_key" ON "AlertDelivery"("alertId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "AlertDigest_day_userId_key" ON "AlertDigest"("day", "userId");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramFollow" ADD CONSTRAINT "ProgramFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramFollow" ADD CONSTRAINT "ProgramFollow_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertPreference" ADD CONSTRAINT "AlertPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The evaluation cursors (lib/alerts/evaluate.ts).
INSERT INTO "AlertCursor" ("name", "lastEventId", "runs") VALUES ('events', 0, 0), ('daily', 0, 0);
