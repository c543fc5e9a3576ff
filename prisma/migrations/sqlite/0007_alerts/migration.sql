-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "entityType" TEXT,
    "entityCode" TEXT,
    "institutionCode" TEXT,
    "effectiveAt" DATETIME NOT NULL,
    "payload" JSONB NOT NULL,
    "eventId" INTEGER,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Alert_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "alertId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    "mailClaimedAt" DATETIME,
    "mailedAt" DATETIME,
    CONSTRAINT "AlertDelivery_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AlertDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgramFollow" (
    "userId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "following" BOOLEAN NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "programId"),
    CONSTRAINT "ProgramFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProgramFollow_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "kind"),
    CONSTRAINT "AlertPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgramHealthState" (
    "programId" TEXT NOT NULL PRIMARY KEY,
    "health" TEXT NOT NULL,
    "asOf" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AlertCursor" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "lastEventId" INTEGER NOT NULL DEFAULT 0,
    "lastDay" TEXT,
    "runs" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "AlertDigest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "day" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "alertCount" INTEGER NOT NULL,
    "claimedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
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


-- The evaluation cursors (lib/alerts/evaluate.ts).
INSERT INTO "AlertCursor" ("name", "lastEventId", "runs") VALUES ('events', 0, 0), ('daily', 0, 0);
