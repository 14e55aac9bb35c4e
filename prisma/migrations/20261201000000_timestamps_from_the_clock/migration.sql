-- AlterTable
ALTER TABLE "Organisation" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Programme" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Person" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "MessengerIdentity" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Participation" ALTER COLUMN "joinedAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Administrator" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Consent" ALTER COLUMN "givenAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Invitation" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "FormResponse" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Preference" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "SurveyRound" ALTER COLUMN "openedAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "MatchRun" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Pair" ALTER COLUMN "confirmedAt" DROP DEFAULT,
ALTER COLUMN "lastActivityAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "PairMember" ALTER COLUMN "joinedAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Meeting" DROP COLUMN "updatedAt",
ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Notification" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "AuditLog" ALTER COLUMN "at" DROP DEFAULT;

-- AlterTable
ALTER TABLE "IdentityLinkCode" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "CuratorTask" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "IndicatorSnapshot" ALTER COLUMN "takenAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "ProcessedUpdate" ALTER COLUMN "at" DROP DEFAULT;

