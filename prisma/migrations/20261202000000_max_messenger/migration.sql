-- AlterEnum
ALTER TYPE "Platform" ADD VALUE 'max';

