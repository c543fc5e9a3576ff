-- CreateEnum
CREATE TYPE "DomainEventKind" AS ENUM ('STATUS_CHANGED', 'CONFIRMED', 'VERIFIED', 'TARGET_REPLANNED', 'IMPORT_LANDED');

-- CreateTable
CREATE TABLE "DomainEvent" (
    "id" SERIAL NOT NULL,
    "kind" "DomainEventKind" NOT NULL,
    "programId" TEXT NOT NULL,
    "entityType" "EntityType",
    "entityCode" TEXT,
    "institutionCode" TEXT,
    "effectiveAt" TIMESTAMP(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DomainEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DomainEventLock" (
    "id" INTEGER NOT NULL,
    "writes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DomainEventLock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DomainEvent_programId_id_idx" ON "DomainEvent"("programId", "id");


-- The single lock row (lib/events/outbox.ts).
INSERT INTO "DomainEventLock" ("id", "writes") VALUES (1, 0);
