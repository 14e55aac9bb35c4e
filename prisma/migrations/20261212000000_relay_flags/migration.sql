-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "flagWords" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Pair" ADD COLUMN     "contactsAllowedAt" TIMESTAMP(3),
ADD COLUMN     "contactsAllowedById" TEXT;

-- CreateTable
CREATE TABLE "RelayMessage" (
    "id" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "senderId" TEXT NOT NULL,
    "senderRole" "Role" NOT NULL,
    "text" TEXT NOT NULL,
    "removed" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RelayMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RelayMessage_pairId_createdAt_idx" ON "RelayMessage"("pairId", "createdAt");

-- CreateIndex
CREATE INDEX "RelayMessage_senderId_idx" ON "RelayMessage"("senderId");

-- AddForeignKey
ALTER TABLE "RelayMessage" ADD CONSTRAINT "RelayMessage_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

