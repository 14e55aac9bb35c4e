-- The messengers an organisation allows (none listed: every messenger the service runs)
ALTER TABLE "Organisation" ADD COLUMN "messengers" "Platform"[] DEFAULT ARRAY[]::"Platform"[];
