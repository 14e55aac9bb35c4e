-- AlterEnum
ALTER TYPE "NotificationStatus" ADD VALUE 'cancelled';

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "outcomes" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "deliveryKey" TEXT,
ADD COLUMN     "partsSent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "platform" "Platform";

-- AlterTable
ALTER TABLE "CuratorTask" ADD COLUMN     "dedupKey" TEXT;

-- CreateIndex
CREATE INDEX "Notification_deliveryKey_idx" ON "Notification"("deliveryKey");

-- CreateIndex
CREATE INDEX "Notification_personId_status_idx" ON "Notification"("personId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CuratorTask_dedupKey_key" ON "CuratorTask"("dedupKey");

