-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'PROGRAM_MANAGER', 'PARTNER', 'EXECUTIVE');

-- CreateEnum
CREATE TYPE "RolloutStatus" AS ENUM ('NOT_STARTED', 'PLANNED', 'IN_PROGRESS', 'PILOT', 'LIVE', 'PAUSED');

-- CreateEnum
CREATE TYPE "ProgramUnit" AS ENUM ('CITY', 'INSTITUTION', 'PERCENT');

-- CreateEnum
CREATE TYPE "ScopeRule" AS ENUM ('ALL_PREFECTURE_CITIES', 'PROVINCIAL_CAPITALS', 'ENROLLED_INSTITUTIONS', 'METRIC');

-- CreateEnum
CREATE TYPE "CityLevel" AS ENUM ('MUNICIPALITY', 'PREFECTURE', 'COUNTY_LEVEL');

-- CreateEnum
CREATE TYPE "ProvinceKind" AS ENUM ('PROVINCE', 'AUTONOMOUS_REGION', 'MUNICIPALITY');

-- CreateEnum
CREATE TYPE "InstitutionType" AS ENUM ('STATE_OWNED_BANK', 'JOINT_STOCK_BANK', 'CITY_COMMERCIAL_BANK', 'RURAL_BANK', 'PAYMENT_INSTITUTION', 'DEVICE_WALLET');

-- CreateEnum
CREATE TYPE "EntityType" AS ENUM ('CITY', 'INSTITUTION');

-- CreateEnum
CREATE TYPE "ChangeSource" AS ENUM ('SEED', 'FORM', 'API', 'IMPORT');

-- CreateEnum
CREATE TYPE "ChangeKind" AS ENUM ('STATUS', 'DETAILS', 'CONFIRM', 'VERIFY');

-- CreateTable
CREATE TABLE "Province" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "ProvinceKind" NOT NULL,
    "capitalCode" TEXT NOT NULL,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "City" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "pinyin" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "level" "CityLevel" NOT NULL,

    CONSTRAINT "City_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Institution" (
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "type" "InstitutionType" NOT NULL,
    "isIllustrative" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,

    CONSTRAINT "Institution_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Program" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unit" "ProgramUnit" NOT NULL,
    "directionZh" TEXT NOT NULL,
    "directionEn" TEXT NOT NULL,
    "scopeRule" "ScopeRule" NOT NULL,
    "startDate" TEXT NOT NULL,
    "baselineTargetDate" TEXT NOT NULL,
    "targetDate" TEXT NOT NULL,
    "targetValue" DOUBLE PRECISION,
    "staleAfterDays" INTEGER NOT NULL DEFAULT 30,
    "isIllustrative" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TargetChange" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedById" TEXT,

    CONSTRAINT "TargetChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CityStatus" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "status" "RolloutStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "plannedDate" TEXT,
    "liveDate" TEXT,
    "evidenceUrl" TEXT,
    "note" TEXT,
    "lastConfirmedAt" TIMESTAMP(3),
    "verified" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "CityStatus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstitutionStatus" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "status" "RolloutStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "plannedDate" TEXT,
    "liveDate" TEXT,
    "evidenceUrl" TEXT,
    "note" TEXT,
    "lastConfirmedAt" TIMESTAMP(3),
    "verified" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "InstitutionStatus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusChange" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "entityType" "EntityType" NOT NULL,
    "entityCode" TEXT NOT NULL,
    "kind" "ChangeKind" NOT NULL,
    "fromStatus" "RolloutStatus",
    "toStatus" "RolloutStatus" NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "actorRole" "Role",
    "source" "ChangeSource" NOT NULL,
    "sourceNote" TEXT,
    "sourceUrl" TEXT,
    "isIllustrative" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL,

    CONSTRAINT "StatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricPoint" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "sourceNote" TEXT,
    "sourceUrl" TEXT,
    "isIllustrative" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "MetricPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "doneDate" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Annotation" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "sourceNote" TEXT,
    "sourceUrl" TEXT,
    "isIllustrative" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "institutionCode" TEXT,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" "Role",
    "institutionCode" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "reason" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "City" ADD CONSTRAINT "City_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetChange" ADD CONSTRAINT "TargetChange_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetChange" ADD CONSTRAINT "TargetChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CityStatus" ADD CONSTRAINT "CityStatus_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CityStatus" ADD CONSTRAINT "CityStatus_cityCode_fkey" FOREIGN KEY ("cityCode") REFERENCES "City"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CityStatus" ADD CONSTRAINT "CityStatus_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionStatus" ADD CONSTRAINT "InstitutionStatus_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionStatus" ADD CONSTRAINT "InstitutionStatus_institutionCode_fkey" FOREIGN KEY ("institutionCode") REFERENCES "Institution"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionStatus" ADD CONSTRAINT "InstitutionStatus_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricPoint" ADD CONSTRAINT "MetricPoint_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_institutionCode_fkey" FOREIGN KEY ("institutionCode") REFERENCES "Institution"("code") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: the audit trail and the status history are append-only.
CREATE FUNCTION "hutong_refuse_change"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
    FOR EACH ROW EXECUTE FUNCTION "hutong_refuse_change"();

CREATE TRIGGER "StatusChange_append_only" BEFORE UPDATE OR DELETE ON "StatusChange"
    FOR EACH ROW EXECUTE FUNCTION "hutong_refuse_change"();

CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
    FOR EACH STATEMENT EXECUTE FUNCTION "hutong_refuse_change"();

CREATE TRIGGER "StatusChange_no_truncate" BEFORE TRUNCATE ON "StatusChange"
    FOR EACH STATEMENT EXECUTE FUNCTION "hutong_refuse_change"();
