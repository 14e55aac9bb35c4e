-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "address" TEXT,
ADD COLUMN     "fullName" TEXT;

-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "identityId" TEXT,
ADD COLUMN     "platform" "Platform",
ADD COLUMN     "representativeRelation" TEXT,
ADD COLUMN     "textHash" TEXT;

-- CreateTable
CREATE TABLE "ConsentText" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "version" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsentText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentDocument" (
    "hash" TEXT NOT NULL,
    "kind" "ConsentKind" NOT NULL,
    "version" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "organisationId" TEXT,
    "text" TEXT NOT NULL,
    "purposes" TEXT[],
    "data" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsentDocument_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsentText_organisationId_language_version_key" ON "ConsentText"("organisationId", "language", "version");

-- AddForeignKey
ALTER TABLE "ConsentText" ADD CONSTRAINT "ConsentText_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_textHash_fkey" FOREIGN KEY ("textHash") REFERENCES "ConsentDocument"("hash") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "MessengerIdentity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

