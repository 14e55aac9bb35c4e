-- CreateEnum
CREATE TYPE "DestructionReason" AS ENUM ('subject_request', 'consent_withdrawn', 'purpose_reached');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "retentionMarginDays" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "DestructionAct" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "subjectId" TEXT NOT NULL,
    "roles" "Role"[],
    "organisationIds" TEXT[],
    "programmeIds" TEXT[],
    "reason" "DestructionReason" NOT NULL,
    "reasonAt" TIMESTAMP(3) NOT NULL,
    "categories" TEXT[],
    "method" TEXT NOT NULL,
    "process" TEXT NOT NULL,
    "destroyedAt" TIMESTAMP(3) NOT NULL,
    "logExtract" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "DestructionAct_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DestructionAct_number_key" ON "DestructionAct"("number");

-- CreateIndex
CREATE UNIQUE INDEX "DestructionAct_subjectId_key" ON "DestructionAct"("subjectId");

-- CreateIndex
CREATE INDEX "DestructionAct_destroyedAt_idx" ON "DestructionAct"("destroyedAt");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

