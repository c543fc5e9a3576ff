-- CreateTable
CREATE TABLE "Province" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "capitalCode" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "City" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "pinyin" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    CONSTRAINT "City_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Institution" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "isIllustrative" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT
);

-- CreateTable
CREATE TABLE "Program" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "directionZh" TEXT NOT NULL,
    "directionEn" TEXT NOT NULL,
    "scopeRule" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "baselineTargetDate" TEXT NOT NULL,
    "targetDate" TEXT NOT NULL,
    "targetValue" REAL,
    "staleAfterDays" INTEGER NOT NULL DEFAULT 30,
    "isIllustrative" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TargetChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programId" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedById" TEXT,
    CONSTRAINT "TargetChange_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TargetChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CityStatus" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programId" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "plannedDate" TEXT,
    "liveDate" TEXT,
    "evidenceUrl" TEXT,
    "note" TEXT,
    "lastConfirmedAt" DATETIME,
    "verified" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "CityStatus_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CityStatus_cityCode_fkey" FOREIGN KEY ("cityCode") REFERENCES "City" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CityStatus_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InstitutionStatus" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programId" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "plannedDate" TEXT,
    "liveDate" TEXT,
    "evidenceUrl" TEXT,
    "note" TEXT,
    "lastConfirmedAt" DATETIME,
    "verified" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "InstitutionStatus_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InstitutionStatus_institutionCode_fkey" FOREIGN KEY ("institutionCode") REFERENCES "Institution" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InstitutionStatus_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programId" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,
    "changedAt" DATETIME NOT NULL,
    "actorId" TEXT,
    "actorRole" TEXT,
    "source" TEXT NOT NULL,
    "sourceNote" TEXT,
    "sourceUrl" TEXT,
    "isIllustrative" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL,
    CONSTRAINT "StatusChange_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MetricPoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "sourceNote" TEXT,
    "sourceUrl" TEXT,
    "isIllustrative" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "MetricPoint_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programId" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "doneDate" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Milestone_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Annotation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "sourceNote" TEXT,
    "sourceUrl" TEXT,
    "isIllustrative" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Annotation_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "institutionCode" TEXT,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_institutionCode_fkey" FOREIGN KEY ("institutionCode") REFERENCES "Institution" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" TEXT,
    "institutionCode" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "reason" TEXT
);

-- CreateIndex
CREATE INDEX "City_provinceCode_idx" ON "City"("provinceCode");

-- CreateIndex
CREATE UNIQUE INDEX "Program_slug_key" ON "Program"("slug");

-- CreateIndex
CREATE INDEX "TargetChange_programId_changedAt_idx" ON "TargetChange"("programId", "changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CityStatus_programId_cityCode_key" ON "CityStatus"("programId", "cityCode");

-- CreateIndex
CREATE UNIQUE INDEX "InstitutionStatus_programId_institutionCode_key" ON "InstitutionStatus"("programId", "institutionCode");

-- CreateIndex
CREATE INDEX "StatusChange_programId_changedAt_idx" ON "StatusChange"("programId", "changedAt");

-- CreateIndex
CREATE INDEX "StatusChange_programId_entityType_entityCode_changedAt_idx" ON "StatusChange"("programId", "entityType", "entityCode", "changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MetricPoint_programId_date_key" ON "MetricPoint"("programId", "date");

-- CreateIndex
CREATE INDEX "Milestone_programId_dueDate_idx" ON "Milestone"("programId", "dueDate");

-- CreateIndex
CREATE INDEX "Annotation_programId_date_idx" ON "Annotation"("programId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");


-- Hand-written: the audit trail and the status history are append-only.
CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog"
BEGIN
    SELECT RAISE(ABORT, 'AuditLog is append-only');
END;

CREATE TRIGGER "AuditLog_no_delete" BEFORE DELETE ON "AuditLog"
BEGIN
    SELECT RAISE(ABORT, 'AuditLog is append-only');
END;

CREATE TRIGGER "StatusChange_no_update" BEFORE UPDATE ON "StatusChange"
BEGIN
    SELECT RAISE(ABORT, 'StatusChange is append-only');
END;

CREATE TRIGGER "StatusChange_no_delete" BEFORE DELETE ON "StatusChange"
BEGIN
    SELECT RAISE(ABORT, 'StatusChange is append-only');
END;
