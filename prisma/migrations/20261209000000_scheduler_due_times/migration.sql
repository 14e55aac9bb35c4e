-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "nextLookAt" TIMESTAMP(3) DEFAULT '1970-01-01 00:00:00 +00:00';

-- AlterTable
ALTER TABLE "Pair" ADD COLUMN     "nextLookAt" TIMESTAMP(3) DEFAULT '1970-01-01 00:00:00 +00:00';

-- CreateIndex
CREATE INDEX "Programme_nextLookAt_idx" ON "Programme"("nextLookAt");

-- CreateIndex
CREATE INDEX "FormResponse_formId_subjectKey_idx" ON "FormResponse"("formId", "subjectKey");

-- CreateIndex
CREATE INDEX "Pair_nextLookAt_idx" ON "Pair"("nextLookAt");

