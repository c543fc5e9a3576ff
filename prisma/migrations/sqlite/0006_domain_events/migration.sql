-- CreateTable
CREATE TABLE "DomainEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "entityType" TEXT,
    "entityCode" TEXT,
    "institutionCode" TEXT,
    "effectiveAt" DATETIME NOT NULL,
    "payload" JSONB NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DomainEventLock" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "writes" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "DomainEvent_programId_id_idx" ON "DomainEvent"("programId", "id");


-- The single lock row (lib/events/outbox.ts).
INSERT INTO "DomainEventLock" ("id", "writes") VALUES (1, 0);
